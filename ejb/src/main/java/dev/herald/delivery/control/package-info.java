/**
 * How a run's files reach people: composing the e-mails, sending them over one SMTP connection,
 * telling transient failures from permanent ones, keeping the files and their links, and recording
 * each delivery so that nothing is sent twice.
 */
package dev.herald.delivery.control;
