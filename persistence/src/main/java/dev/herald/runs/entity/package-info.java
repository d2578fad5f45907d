/** The record of every run of a schedule: who or what started it, for which instant, where, and how it ended. */
package dev.herald.runs.entity;
