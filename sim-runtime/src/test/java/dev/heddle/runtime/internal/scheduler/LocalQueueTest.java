package dev.heddle.runtime.internal.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalQueueTest {
    private final InjectionQueue<Integer> injection = new InjectionQueue<>();

    @Test
    void the_owner_pops_oldest_first_across_the_wrap_of_the_ring() {
        LocalQueue<Integer> q = new LocalQueue<>(4);
        List<Integer> popped = new ArrayList<>();
        q.pushBack(-1, injection);
        for (int i = 0; i < 10; i++) {
            q.pushBack(i, injection);
            popped.add(q.pop());
        }
        popped.add(q.pop());
        assertNull(q.pop());
        assertTrue(injection.isEmpty(), "never more than 2 queued, so nothing overflowed");
        assertEquals(List.of(-1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9), popped);
    }

    @Test
    void a_full_queue_moves_its_older_half_and_the_new_task_to_the_injection_queue() {
        LocalQueue<Integer> q = new LocalQueue<>(4);
        for (int i = 0; i < 5; i++) {
            q.pushBack(i, injection);
        }
        assertEquals(3, injection.size());
        assertEquals(List.of(0, 1, 4), drain(injection));
        assertEquals(2, q.pop());
        assertEquals(3, q.pop());
        assertNull(q.pop());
    }

    @Test
    void a_steal_takes_the_older_half_rounded_up_and_returns_the_newest_of_it_to_run() {
        LocalQueue<Integer> victim = new LocalQueue<>(8);
        LocalQueue<Integer> thief = new LocalQueue<>(8);
        for (int i = 0; i < 5; i++) {
            victim.pushBack(i, injection);
        }
        assertEquals(2, victim.stealInto(thief));
        assertEquals(0, thief.pop());
        assertEquals(1, thief.pop());
        assertNull(thief.pop());
        assertEquals(3, victim.pop());
        assertEquals(4, victim.pop());
        assertNull(victim.stealInto(thief), "nothing left to steal");
    }

    @Test
    void a_thief_with_more_than_half_a_queue_of_its_own_work_does_not_steal() {
        LocalQueue<Integer> victim = new LocalQueue<>(4);
        LocalQueue<Integer> thief = new LocalQueue<>(4);
        victim.pushBack(1, injection);
        for (int i = 0; i < 3; i++) {
            thief.pushBack(10 + i, injection);
        }
        assertNull(victim.stealInto(thief));
        assertEquals(1, victim.size());
    }

    @Test
    void the_capacity_must_be_a_power_of_two() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LocalQueue<>(6));
        assertTrue(e.getMessage().contains("was 6"), e.getMessage());
    }

    private static List<Integer> drain(InjectionQueue<Integer> q) {
        List<Integer> all = new ArrayList<>();
        for (Integer t; (t = q.poll()) != null; ) {
            all.add(t);
        }
        return all;
    }
}
