package dev.heddle.check;

/**
 * Orders indices by a {@code long} key, keeping equal keys in index order: the stable sort the
 * search ({@link WingGongSearch}, events by position, calls before returns) and the unique-value
 * deciders in {@code check.fast} (blocks by earliest return and latest call) rely on for their
 * tie rules. A bottom-up merge sort over an index array: no boxing, and a sorted run costs one
 * comparison per merge.
 *
 * <p>Public only so that {@code check.fast} can share it; it is not part of the checker's API.
 */
public final class StableIndexSort {
    private StableIndexSort() {
    }

    /** The indices {@code 0..n-1} ordered by {@code key[index]}, ties in index order. */
    public static int[] order(long[] key, int n) {
        int[] index = new int[n];
        for (int i = 0; i < n; i++) {
            index[i] = i;
        }
        int[] buffer = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n - width; lo += 2 * width) {
                int mid = lo + width;
                int hi = Math.min(lo + 2 * width, n);
                if (key[index[mid - 1]] <= key[index[mid]]) {
                    continue; // already in order
                }
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    buffer[k++] = key[index[j]] < key[index[i]] ? index[j++] : index[i++];
                }
                while (i < mid) {
                    buffer[k++] = index[i++];
                }
                while (j < hi) {
                    buffer[k++] = index[j++];
                }
                System.arraycopy(buffer, lo, index, lo, hi - lo);
            }
        }
        return index;
    }
}
