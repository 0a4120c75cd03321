package dev.heddle.check;

import dev.heddle.check.model.Model;

import java.util.Arrays;

/**
 * Lowe's memoization: the (linearized operations, model state) pairs the search has already
 * explored. Reaching one again cannot succeed, since the search stops at the first success.
 * Open addressing over parallel arrays; the bitset's hash is maintained incrementally by the
 * caller, so a lookup costs one state hash plus, on a hash match, one full comparison.
 */
final class ConfigurationCache<S> {
    private static final long MIX = 0x9E3779B97F4A7C15L;

    private final Model<S> model;
    private long[] hashes = new long[1024];
    private long[][] sets = new long[1024][];
    private Object[] states = new Object[1024];
    private int size;

    ConfigurationCache(Model<S> model) {
        this.model = model;
    }

    /** Adds the configuration; false when it was already there. */
    boolean add(long[] linearized, long linearizedHash, S state) {
        long hash = linearizedHash ^ (model.hash(state) * MIX);
        int mask = hashes.length - 1;
        int slot = spread(hash) & mask;
        while (sets[slot] != null) {
            if (hashes[slot] == hash && Arrays.equals(sets[slot], linearized)
                    && model.equal(state, cast(states[slot]))) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
        hashes[slot] = hash;
        sets[slot] = linearized.clone();
        states[slot] = state;
        if (++size * 2 > hashes.length) grow();
        return true;
    }

    private void grow() {
        long[] oldHashes = hashes;
        long[][] oldSets = sets;
        Object[] oldStates = states;
        hashes = new long[oldHashes.length * 2];
        sets = new long[oldHashes.length * 2][];
        states = new Object[oldHashes.length * 2];
        int mask = hashes.length - 1;
        for (int i = 0; i < oldHashes.length; i++) {
            if (oldSets[i] == null) continue;
            int slot = spread(oldHashes[i]) & mask;
            while (sets[slot] != null) slot = (slot + 1) & mask;
            hashes[slot] = oldHashes[i];
            sets[slot] = oldSets[i];
            states[slot] = oldStates[i];
        }
    }

    private static int spread(long hash) {
        return (int) (hash ^ (hash >>> 29) ^ (hash >>> 47));
    }

    @SuppressWarnings("unchecked")
    private S cast(Object state) {
        return (S) state;
    }
}
