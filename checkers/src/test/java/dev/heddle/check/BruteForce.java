package dev.heddle.check;

import java.util.List;

/**
 * The definition of linearizability, executed literally for tiny histories: try every order
 * that respects real time, letting each unknown operation take effect or not. An oracle for the
 * optimized search.
 */
final class BruteForce {
    private BruteForce() {
    }

    static <S> boolean linearizable(Model<S> model, History history) {
        List<Operation> ops = history.operations().stream().map(model::prepare)
                .filter(java.util.Objects::nonNull).toList();
        return extend(model, ops, new boolean[ops.size()], model.initial());
    }

    private static <S> boolean extend(Model<S> model, List<Operation> ops, boolean[] done, S state) {
        boolean allOkDone = true;
        for (int i = 0; i < ops.size(); i++) {
            if (!done[i] && ops.get(i).status() == Status.OK) {
                allOkDone = false;
            }
        }
        if (allOkDone) {
            return true;
        }
        for (int i = 0; i < ops.size(); i++) {
            if (done[i] || !minimal(ops, done, i)) {
                continue;
            }
            S next = model.step(state, ops.get(i));
            if (next == null) {
                continue;
            }
            done[i] = true;
            boolean found = extend(model, ops, done, next);
            done[i] = false;
            if (found) {
                return true;
            }
        }
        return false;
    }

    /** No operation still to place returned before {@code i} was called. */
    private static boolean minimal(List<Operation> ops, boolean[] done, int i) {
        for (int j = 0; j < ops.size(); j++) {
            if (!done[j] && j != i && ops.get(j).status() == Status.OK && ops.get(j).ret() < ops.get(i).call()) {
                return false;
            }
        }
        return true;
    }
}
