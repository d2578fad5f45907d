/**
 * On-demand access for partners: the items of on-demand schedules addressed to them, run with the
 * item's fixed criteria and format under fair use, the files those runs made, and the files sent to
 * them by link. Everything here is the caller's own: another person's item, run or file is "not
 * found", and the attempt is in the audit log.
 */
package dev.herald.ondemand.boundary;
