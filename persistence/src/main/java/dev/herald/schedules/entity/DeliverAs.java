package dev.herald.schedules.entity;

/** How a rendered file reaches its recipients. */
public enum DeliverAs {
    ATTACHMENT,
    LINK
}
