package dev.heddle.time;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * A hierarchical timer wheel: the one timer store behind both the virtual and the real
 * {@link TimeDriver}, so that timers order the same way in simulation and in production.
 *
 * <p>Time is counted in ticks of one millisecond. A deadline is rounded up to its tick and
 * "now" is rounded down, so a timer never fires before its deadline. Six levels of 64 slots
 * cover the next 64<sup>6</sup> ms (about 2.2 years); an entry sits on the level of the
 * highest base-64 digit in which its tick differs from the wheel's position, in the slot
 * named by that digit. When the position reaches a slot of a higher level, the slot's
 * entries cascade to lower levels. Deadlines further away wait in an overflow list and
 * move into the wheel once the position reaches their 2.2-year block.
 *
 * <p>Insert and cancel are O(1): entries are intrusive members of a doubly-linked list per
 * slot, and a 64-bit occupancy mask per level finds the earliest slot without scanning.
 * {@link #nextDeadline()} is exact, not a slot's lower bound, because the simulator moves
 * virtual time straight to it: when the earliest entries sit on a higher level, that one
 * slot is sorted once and stays sorted while entries leave it or arrive in order.
 *
 * <p>Entries of the same tick fire in insertion order, across cascades too, without a
 * sequence number: every list keeps equal ticks in insertion order, because inserts append,
 * a cascade moves a whole list in order into lists that no direct insert could reach yet
 * (they cover ticks that belonged to the cascaded list until the position got there), and
 * the sort is stable.
 *
 * <p>Not thread-safe: a driver that shares a wheel between threads guards it with a lock.
 */
final class TimerWheel {

    private static final long NANOS_PER_TICK = 1_000_000;
    /** The tick of {@code Long.MAX_VALUE} nanoseconds: advancing to that time fires every timer. */
    private static final long LAST_TICK = Math.ceilDiv(Long.MAX_VALUE, NANOS_PER_TICK);
    private static final int SLOT_BITS = 6;
    private static final int SLOTS = 1 << SLOT_BITS;
    private static final int LEVELS = 6;
    private static final int OVERFLOW = LEVELS * SLOTS;
    private static final int NOT_QUEUED = -1;
    private static final long NO_TICK = Long.MAX_VALUE;

    /** List heads and tails: level {@code l}, slot {@code s} at index {@code l * 64 + s}, then the overflow list. */
    private final Entry[] heads = new Entry[OVERFLOW + 1];
    private final Entry[] tails = new Entry[OVERFLOW + 1];
    /** Lists that may hold ticks out of order; only sorted lists answer "earliest" from their head. */
    private final boolean[] unsorted = new boolean[OVERFLOW + 1];
    /** Bit {@code s} of {@code occupied[l]} is set when slot {@code s} of level {@code l} holds entries. */
    private final long[] occupied = new long[LEVELS];

    /** The time of the latest advance; deadlines at or before it are due at once. */
    private long now;
    /** The tick the wheel stands at: every entry of an earlier tick has been handed out. */
    private long position;
    private int size;
    /** Cached earliest tick; valid while {@link #earliestKnown}. */
    private long earliestTick = NO_TICK;
    private boolean earliestKnown = true;

    /** A wheel at time 0, the time at which both drivers start. */
    TimerWheel() {
    }

    /**
     * Schedules {@code action} for {@code deadline} (nanoseconds). A deadline at or before the
     * time of the latest advance is due at the next advance, after the timers already due.
     */
    Timer insert(long deadline, Runnable action) {
        Entry entry = new Entry(deadline, action);
        insert(entry);
        return entry;
    }

    /** Inserts a fresh entry, for drivers whose entries add behaviour to {@link Entry#cancel()}. */
    void insert(Entry entry) {
        if (entry.wheel != null) {
            throw new IllegalStateException("entry already scheduled on a wheel");
        }
        entry.wheel = this;
        entry.tick = entry.deadline <= now ? position : Math.max(tickOf(entry.deadline), position);
        place(entry);
        size++;
        if (earliestKnown && entry.tick < earliestTick) {
            earliestTick = entry.tick;
        }
    }

    /**
     * The time of the earliest pending tick ({@code tick * 1 ms}), or {@code Long.MAX_VALUE} when
     * no timer is pending. After a timer was scheduled for the past, it is the tick of the
     * latest advance, which can be earlier than that advance's time. Deadlines in the last
     * millisecond before {@code Long.MAX_VALUE} also report {@code Long.MAX_VALUE}: check
     * {@link #isEmpty()}.
     */
    long nextDeadline() {
        if (!earliestKnown) {
            earliestTick = findEarliestTick();
            earliestKnown = true;
        }
        return timeOf(earliestTick);
    }

    /**
     * Hands every entry whose tick is at or before the tick of {@code time} to {@code due}, in
     * tick order and, within a tick, in insertion order; handed-out entries count as fired.
     * Time never moves backwards: an earlier {@code time} only hands out what is already due.
     * {@code due} may use the wheel; what it schedules for a tick at or before {@code time} is
     * handed out in this same call, after the entries already due at that tick.
     *
     * @return how many entries were handed out
     */
    int advanceTo(long time, Consumer<? super Runnable> due) {
        long target = Math.max(position, positionAt(time));
        int handedOut = 0;
        while (true) {
            int list = earliestList();
            if (list == NOT_QUEUED) {
                break;
            }
            long start = list == OVERFLOW ? blockStart(minimumTick(OVERFLOW), LEVELS) : slotStart(list);
            if (start > target) {
                break;
            }
            position = start;
            if (list < SLOTS) {
                Entry entry = heads[list];
                unlink(entry);
                Runnable action = entry.action;
                entry.action = null;
                handedOut++;
                due.accept(action);
            } else {
                cascade(list);
            }
        }
        position = target;
        now = Math.max(now, time);
        return handedOut;
    }

    /** How many timers are pending. */
    int size() {
        return size;
    }

    /** Whether no timer is pending. */
    boolean isEmpty() {
        return size == 0;
    }

    private boolean cancel(Entry entry) {
        if (entry.list == NOT_QUEUED) {
            return false;
        }
        unlink(entry);
        entry.action = null;
        return true;
    }

    /** Moves the entries of a higher-level slot, or those of the overflow list now in range, closer to the position. */
    private void cascade(int list) {
        if (list == OVERFLOW) {
            // Finding the earliest block sorted the overflow list, so that block's entries lead it.
            long block = position >>> (LEVELS * SLOT_BITS);
            Entry entry = heads[OVERFLOW];
            while (entry != null && entry.tick >>> (LEVELS * SLOT_BITS) == block) {
                Entry next = entry.next;
                detach(entry);
                place(entry);
                entry = next;
            }
            return;
        }
        Entry entry = heads[list];
        heads[list] = null;
        tails[list] = null;
        unsorted[list] = false;
        occupied[list / SLOTS] &= ~(1L << (list % SLOTS));
        while (entry != null) {
            Entry next = entry.next;
            place(entry);
            entry = next;
        }
    }

    /** Appends an entry (tick at or after the position) to the list its tick belongs to. */
    private void place(Entry entry) {
        long differing = entry.tick ^ position;
        int level = differing == 0 ? 0 : (63 - Long.numberOfLeadingZeros(differing)) / SLOT_BITS;
        int list;
        if (level >= LEVELS) {
            list = OVERFLOW;
        } else {
            int slot = (int) (entry.tick >>> (level * SLOT_BITS)) & (SLOTS - 1);
            list = level * SLOTS + slot;
            occupied[level] |= 1L << slot;
        }
        Entry tail = tails[list];
        entry.prev = tail;
        entry.next = null;
        if (tail == null) {
            heads[list] = entry;
        } else {
            tail.next = entry;
            if (tail.tick > entry.tick) {
                unsorted[list] = true;
            }
        }
        tails[list] = entry;
        entry.list = list;
    }

    /** Removes a pending entry for good. */
    private void unlink(Entry entry) {
        detach(entry);
        size--;
        if (earliestKnown && entry.tick == earliestTick) {
            earliestKnown = false;
        }
    }

    private void detach(Entry entry) {
        int list = entry.list;
        if (entry.prev == null) {
            heads[list] = entry.next;
        } else {
            entry.prev.next = entry.next;
        }
        if (entry.next == null) {
            tails[list] = entry.prev;
        } else {
            entry.next.prev = entry.prev;
        }
        if (heads[list] == null) {
            unsorted[list] = false;
            if (list != OVERFLOW) {
                occupied[list / SLOTS] &= ~(1L << (list % SLOTS));
            }
        }
        entry.prev = null;
        entry.next = null;
        entry.list = NOT_QUEUED;
    }

    /** The earliest non-empty list: lower levels hold earlier ticks, and overflow the latest. */
    private int earliestList() {
        for (int level = 0; level < LEVELS; level++) {
            if (occupied[level] != 0) {
                return level * SLOTS + Long.numberOfTrailingZeros(occupied[level]);
            }
        }
        return heads[OVERFLOW] != null ? OVERFLOW : NOT_QUEUED;
    }

    private long findEarliestTick() {
        int list = earliestList();
        if (list == NOT_QUEUED) {
            return NO_TICK;
        }
        return list < SLOTS ? slotStart(list) : minimumTick(list);
    }

    /** The first tick a slot of the position's block covers; for level 0, the tick of all its entries. */
    private long slotStart(int list) {
        int level = list / SLOTS;
        long slot = list % SLOTS;
        return blockStart(position, level + 1) | slot << (level * SLOT_BITS);
    }

    /** The first tick of the block of {@code 64^levels} ticks that holds {@code tick}. */
    private static long blockStart(long tick, int levels) {
        return tick & -(1L << (levels * SLOT_BITS));
    }

    private long minimumTick(int list) {
        if (unsorted[list]) {
            sort(list);
        }
        return heads[list].tick;
    }

    /** Sorts a list by tick, keeping the order of equal ticks, relinking it in place without allocating. */
    private void sort(int list) {
        Entry head = sorted(heads[list]);
        Entry prev = null;
        for (Entry entry = head; entry != null; entry = entry.next) {
            entry.prev = prev;
            prev = entry;
        }
        heads[list] = head;
        tails[list] = prev;
        unsorted[list] = false;
    }

    /** Stable merge sort over the {@code next} links; recursion depth is the logarithm of the length. */
    private static Entry sorted(Entry head) {
        if (head == null || head.next == null) {
            return head;
        }
        Entry middle = head;
        for (Entry fast = head.next; fast != null && fast.next != null; fast = fast.next.next) {
            middle = middle.next;
        }
        Entry second = middle.next;
        middle.next = null;
        return merged(sorted(head), sorted(second));
    }

    private static Entry merged(Entry a, Entry b) {
        Entry head = null;
        Entry tail = null;
        while (a != null && b != null) {
            Entry first;
            if (b.tick < a.tick) {
                first = b;
                b = b.next;
            } else {
                first = a;
                a = a.next;
            }
            if (tail == null) {
                head = first;
            } else {
                tail.next = first;
            }
            tail = first;
        }
        Entry rest = a != null ? a : b;
        if (tail == null) {
            return rest;
        }
        tail.next = rest;
        return head;
    }

    /** The tick a deadline falls due at: rounded up, so a timer never fires early. */
    private static long tickOf(long deadline) {
        return Math.ceilDiv(deadline, NANOS_PER_TICK);
    }

    /** The last tick that has begun at {@code time}: rounded down. */
    private static long positionAt(long time) {
        return time == Long.MAX_VALUE ? LAST_TICK : Math.floorDiv(time, NANOS_PER_TICK);
    }

    private static long timeOf(long tick) {
        return tick > Long.MAX_VALUE / NANOS_PER_TICK ? Long.MAX_VALUE : tick * NANOS_PER_TICK;
    }

    /**
     * A timer in the wheel, linked into its slot's list. Drivers may extend it to guard
     * {@link #cancel()} with their lock; one object per timer either way.
     */
    static class Entry implements Timer {
        private final long deadline;
        /** Cleared once the entry fired or was cancelled, so a kept {@code Timer} holds no garbage. */
        private Runnable action;
        private TimerWheel wheel;
        private long tick;
        private Entry prev;
        private Entry next;
        private int list = NOT_QUEUED;

        Entry(long deadline, Runnable action) {
            this.deadline = deadline;
            this.action = Objects.requireNonNull(action, "action");
        }

        @Override
        public long deadline() {
            return deadline;
        }

        @Override
        public boolean cancel() {
            return wheel != null && wheel.cancel(this);
        }

        @Override
        public String toString() {
            return "Timer[deadline=" + deadline + (list == NOT_QUEUED ? ", done]" : ", pending]");
        }
    }
}
