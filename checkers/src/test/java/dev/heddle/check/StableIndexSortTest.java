package dev.heddle.check;

import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class StableIndexSortTest {

    /** The search's tie rule (calls before returns) and the deciders' rely on ties keeping index order. */
    @Test
    void ordersLikeAStableSortOfBoxedIndices() {
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 500; round++) {
            int n = random.nextInt(0, 70);
            int spread = random.nextInt(1, 12); // few distinct keys: many ties
            long[] key = new long[n + 3];
            for (int i = 0; i < key.length; i++) {
                key[i] = random.nextBoolean() ? random.nextLong(spread) : random.nextLong();
            }
            List<Integer> expected = IntStream.range(0, n).boxed()
                    .sorted(Comparator.comparingLong(i -> key[i])).toList(); // List.sort is stable
            assertArrayEquals(expected.stream().mapToInt(Integer::intValue).toArray(), StableIndexSort.order(key, n));
        }
    }

    @Test
    void extremeKeys() {
        long[] key = {Long.MAX_VALUE, Long.MIN_VALUE, 0, Long.MIN_VALUE, Long.MAX_VALUE};
        assertArrayEquals(new int[] {1, 3, 2, 0, 4}, StableIndexSort.order(key, key.length));
    }
}
