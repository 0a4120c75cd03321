package dev.heddle.check.fast;

import dev.heddle.check.Operation;
import dev.heddle.check.PolynomialDecider;
import dev.heddle.check.Status;
import dev.heddle.check.Values;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides FIFO-queue histories in O(n log n) when every value is enqueued at most once, every
 * operation completed, and no dequeue found the queue empty.
 *
 * <p>For such "differentiated" histories, Henzinger, Sezgin and Vafeiadis (<i>Aspect-oriented
 * linearizability proofs</i>, CONCUR 2013) show that a history is linearizable exactly when it
 * has none of these violations ({@code x <h y}: x returned before y was called):
 * <ul>
 *   <li>fresh: a dequeue returns a value never enqueued, or before its enqueue was called;</li>
 *   <li>repeat: two dequeues return the same value;</li>
 *   <li>order: {@code enq(a) <h enq(b)}, {@code b} is dequeued, and {@code a} is either never
 *       dequeued or {@code deq(b) <h deq(a)}.</li>
 * </ul>
 * The fourth violation of the paper concerns dequeues that find the queue empty; histories with
 * those go to the general search. The order check sweeps the enqueues by return position,
 * keeping the latest dequeue call among values enqueued strictly earlier, instead of comparing
 * all pairs. Lee and Mathur (PLDI 2025, <i>Efficient Linearizability Monitoring</i>) give
 * monitors of this kind for further data types; the general search remains the fallback.
 */
public final class UniqueValueQueueDecider implements PolynomialDecider {

    @Override
    public String name() {
        return "queue-fifo";
    }

    @Override
    public Optional<Decision> decide(List<Operation> operations) {
        Map<Object, Operation> enqueues = new HashMap<>();
        Map<Object, Operation> dequeues = new HashMap<>();
        for (Operation op : operations) {
            if (op.status() != Status.OK) {
                return Optional.empty();
            }
            if (op.f().equals("enqueue")) {
                if (enqueues.putIfAbsent(op.input(), op) != null) {
                    return Optional.empty();
                }
            } else if (op.f().equals("dequeue")) {
                if (op.output() == null) {
                    return Optional.empty();
                }
                Operation earlier = dequeues.putIfAbsent(op.output(), op);
                if (earlier != null) {
                    return violation("value " + Values.show(op.output()) + " is dequeued twice: by "
                            + earlier + " and by " + op);
                }
            } else {
                return Optional.empty();
            }
        }
        for (Operation dequeue : dequeues.values()) {
            Operation enqueue = enqueues.get(dequeue.output());
            if (enqueue == null) {
                return violation(dequeue + " returns a value that is never enqueued");
            }
            if (dequeue.ret() < enqueue.call()) {
                return violation(dequeue + " returns before " + enqueue + " is called");
            }
        }
        List<Operation> byReturn = new ArrayList<>(enqueues.values());
        byReturn.sort(Comparator.comparingLong(Operation::ret));
        List<Operation> dequeuedByCall = new ArrayList<>();
        for (Operation enqueue : enqueues.values()) {
            if (dequeues.containsKey(enqueue.input())) {
                dequeuedByCall.add(enqueue);
            }
        }
        dequeuedByCall.sort(Comparator.comparingLong(Operation::call));
        int swept = 0;
        Operation latest = null; // the earlier-enqueued value whose dequeue is called last
        long latestDequeueCall = Long.MIN_VALUE;
        for (Operation enqueueB : dequeuedByCall) {
            while (swept < byReturn.size() && byReturn.get(swept).ret() < enqueueB.call()) {
                Operation enqueueA = byReturn.get(swept++);
                Operation dequeueA = dequeues.get(enqueueA.input());
                long dequeueCall = dequeueA == null ? Long.MAX_VALUE : dequeueA.call();
                if (dequeueCall > latestDequeueCall) {
                    latestDequeueCall = dequeueCall;
                    latest = enqueueA;
                }
            }
            Operation dequeueB = dequeues.get(enqueueB.input());
            if (latest != null && latestDequeueCall > dequeueB.ret()) {
                Operation dequeueA = dequeues.get(latest.input());
                return violation(latest + " completes before " + enqueueB + " starts, so "
                        + Values.show(latest.input()) + " is ahead of " + Values.show(enqueueB.input())
                        + ", but " + dequeueB + (dequeueA == null
                        ? " takes " + Values.show(enqueueB.input()) + " while " + Values.show(latest.input())
                        + " is never dequeued"
                        : " completes before " + dequeueA + " starts"));
            }
        }
        return Optional.of(new Decision(true, ""));
    }

    private static Optional<Decision> violation(String reason) {
        return Optional.of(new Decision(false, "FIFO violation: " + reason));
    }
}
