/** The report catalog and the saved criteria that schedules run reports with. */
package dev.herald.reports.entity;
