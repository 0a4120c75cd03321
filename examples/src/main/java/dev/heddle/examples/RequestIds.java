package dev.heddle.examples;

import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.runtime.TaskLocal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Task-local request ids (Tokio's {@code task_local!}): every log line of a request carries
 * its id without passing it through every call, even while requests interleave.
 */
public final class RequestIds {
    static final TaskLocal<String> REQUEST_ID = TaskLocal.named("request-id");

    private RequestIds() {}

    /** Handles {@code n} interleaving requests and returns every log line. */
    public static List<String> serve(int n) {
        List<String> log = new ArrayList<>();
        List<JoinHandle<Void>> requests = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = "req-" + i;
            requests.add(Heddle.spawn("request " + id, () -> REQUEST_ID.scope(id, () -> handle(log))));
        }
        for (JoinHandle<Void> r : requests) {
            r.join();
        }
        return log;
    }

    private static void handle(List<String> log) {
        log(log, "start");
        Heddle.sleep(Duration.ofMillis(Heddle.random().nextInt(10)));
        log(log, "done");
    }

    private static void log(List<String> log, String what) {
        log.add(REQUEST_ID.get() + " " + what);
    }
}
