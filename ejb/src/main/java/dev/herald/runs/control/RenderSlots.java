package dev.herald.runs.control;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * How many runs of this instance render at the same moment, first come first served, without a
 * thread ever waiting for a turn: a run that finds every slot taken leaves its resumption in line and
 * gives its worker back; the run that frees a slot hands it straight to the first in line, whose
 * resumption is started then (with the slot already its own).
 */
public final class RenderSlots {

    private final int slots;
    private final Deque<Runnable> line = new ArrayDeque<>();
    private int taken;

    public RenderSlots(int slots) {
        if (slots < 1) {
            throw new IllegalArgumentException("At least one render slot is needed, not " + slots);
        }
        this.slots = slots;
    }

    /** Takes a slot now (true), or puts {@code resume} in line to be started once one is handed over (false). */
    public synchronized boolean takeOrQueue(Runnable resume) {
        if (taken < slots) {
            taken++;
            return true;
        }
        line.addLast(resume);
        return false;
    }

    /** Frees a slot: the first run in line gets it and is resumed; with nobody in line it is free. */
    public void release() {
        Runnable next;
        synchronized (this) {
            next = line.pollFirst();
            if (next == null) {
                taken--;
            }
        }
        if (next != null) {
            next.run();
        }
    }

    public synchronized int waiting() {
        return line.size();
    }
}
