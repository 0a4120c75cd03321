package dev.heddle.junit.fuzz;

/**
 * Which seeds one shard of a CI matrix runs: shard {@code index} of {@code count} takes blocks
 * {@code index}, {@code index + count}, {@code index + 2 * count}, … of {@value #BLOCK} consecutive
 * seeds from the first seed. The shards' blocks never meet, and each shard knows its own from
 * {@code I/N} alone: N jobs started with the same arguments and shards {@code 0/N} to
 * {@code N-1/N} cover N times the seeds of one, with no coordination. A run of N × S seeds
 * unsharded runs exactly the blocks of the N shards of S seeds each when S is a multiple of
 * {@value #BLOCK}.
 *
 * <p>Blocks of consecutive seeds rather than every N-th seed: {@link dev.heddle.sim.Strategy#PORTFOLIO}
 * picks each seed's strategy from its low bits, so that a stride of 4 would give a shard one
 * strategy only. A block is a multiple of 8, the portfolio's whole cycle. A block is also what a
 * fork runs as one sweep ({@link SeedUnit}), with its own PCT horizon estimate, so that a seed runs
 * the same way in a shard as in the unsharded run; 64 seeds keep the sweeps' start-up small.
 */
record ShardSlice(int index, int count) {
    static final int BLOCK = 64;

    static final ShardSlice WHOLE = new ShardSlice(0, 1);

    /** {@code I/N} as written on the command line. */
    static ShardSlice parse(String text) throws UsageError {
        String[] parts = text.split("/", -1);
        if (parts.length == 2) {
            try {
                int index = Integer.parseInt(parts[0].strip());
                int count = Integer.parseInt(parts[1].strip());
                if (count >= 1 && index >= 0 && index < count) {
                    return new ShardSlice(index, count);
                }
            } catch (NumberFormatException e) {
                // named below, with the value
            }
        }
        throw new UsageError("--shard must be I/N with 0 <= I < N (0/4 to 3/4 for four shards), was '" + text + "'");
    }

    /** The offset from the first seed of this shard's {@code k}-th block. */
    long blockOffset(long k) {
        return (index + k * count) * BLOCK;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
