package dev.heddle.junit.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The shards of a matrix take every block of seeds once, in turn, each from its own I/N alone. */
class ShardSliceTest {

    @Test
    void threeShardsTakeTheBlocksInTurnAndTogetherEveryBlockOnce() throws Exception {
        List<Long> offsets = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ShardSlice shard = ShardSlice.parse(i + "/3");
            for (long k = 0; k < 4; k++) {
                offsets.add(shard.blockOffset(k));
            }
        }
        assertEquals(List.of(0L, 3L, 6L, 9L, 1L, 4L, 7L, 10L, 2L, 5L, 8L, 11L),
                offsets.stream().map(o -> o / ShardSlice.BLOCK).toList());
        assertEquals(LongStream.range(0, 12).map(b -> b * ShardSlice.BLOCK).boxed().toList(),
                offsets.stream().sorted().toList());
        assertEquals(0, ShardSlice.BLOCK % 8, "a block holds whole cycles of the portfolio's choices");
    }

    @Test
    void aShardIsIOfNWithIBelowN() {
        for (String bad : List.of("3/3", "-1/3", "1/0", "1", "a/b", "1/2/3")) {
            assertThrows(UsageError.class, () -> ShardSlice.parse(bad), bad);
        }
    }
}
