package dev.heddle.bench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./heddle bench NAME}: runs the benchmark class named after NAME, {@code sim-switch}
 * running {@code SimSwitchBench}, {@code lin} running {@code LinBench}. Each benchmark prints
 * {@code key=value} lines, its headline ratio last. {@code ./heddle bench list} prints the
 * names, one a line.
 */
public final class Bench {
    /** Every benchmark {@code ./heddle bench} runs; a new benchmark class is added here too. */
    static final List<String> NAMES = List.of("channels", "lin", "net", "runtime", "seeds", "sim-switch");

    private Bench() {}

    public static void main(String[] args) throws Throwable {
        if (args.length == 0) {
            System.err.println("usage: ./heddle bench NAME [ARGS], NAME one of " + String.join(", ", NAMES));
            System.exit(2);
        }
        if (args[0].equals("list")) {
            NAMES.forEach(System.out::println);
            return;
        }
        String className = Bench.class.getPackageName() + "." + classNameOf(args[0]);
        Method main;
        try {
            main = Class.forName(className).getMethod("main", String[].class);
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            System.err.println("heddle: no benchmark named '" + args[0] + "' (looked for " + className
                    + "); use one of " + String.join(", ", NAMES) + " (./heddle bench list)");
            System.exit(2);
            return;
        }
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** {@code sim-switch} becomes {@code SimSwitchBench}. */
    static String classNameOf(String name) {
        StringBuilder sb = new StringBuilder();
        for (String part : name.split("-")) {
            if (!part.isEmpty()) {
                sb.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
            }
        }
        return sb.append("Bench").toString();
    }
}
