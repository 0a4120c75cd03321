package dev.heddle.examples;

import dev.heddle.sim.Simulation;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code ./heddle demo} was asked: the seeds per program, one seed to rerun, one program,
 * or the usage. The usage text and the error messages are the ones the {@code heddle} script
 * prints before any build; {@code HeddleScriptTest} keeps the two the same.
 *
 * @param seeds   seeds per example program in a sweep; each store row runs {@link #storeSeeds()}
 * @param seed    the one seed to rerun, or null for a sweep
 * @param program the one program to run, or null for all of them
 * @param help    whether {@code -h} or {@code --help} asked for the usage
 */
record DemoArguments(int seeds, Long seed, String program, boolean help) {
    static final int DEFAULT_SEEDS = 300;
    /**
     * How many times fewer seeds a row of the store runs than an example program: a seed of the
     * store simulates a cluster under faults for tens of seconds, a hundred times the work of a
     * program's seed, and the whole demo should finish within two minutes on two cores.
     */
    static final int STORE_SEED_DIVISOR = 3;

    /**
     * Parses {@code args}; throws IllegalArgumentException naming the bad value and what would do.
     * {@code -h} or {@code --help} anywhere asks for the usage, whatever else is there, as in the script.
     */
    static DemoArguments parse(String[] args, List<String> programs) {
        if (List.of(args).contains("-h") || List.of(args).contains("--help")) {
            return new DemoArguments(DEFAULT_SEEDS, null, null, true);
        }
        int seeds = DEFAULT_SEEDS;
        Long seed = null;
        String program = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--seeds", "--seed" -> {
                    if (++i >= args.length) {
                        throw new IllegalArgumentException(arg + " needs a value");
                    }
                    if (arg.equals("--seed")) {
                        seed = seed(args[i]);
                    } else {
                        seeds = seeds(args[i]);
                    }
                }
                default -> {
                    if (arg.startsWith("-")) {
                        throw new IllegalArgumentException("unknown option '" + arg
                                + "'; the options are --seeds N, --seed SEED, -h, --help");
                    }
                    if (!programs.contains(arg)) {
                        throw new IllegalArgumentException("no program named '" + arg + "'; the programs are: "
                                + String.join(", ", programs));
                    }
                    if (program != null) {
                        throw new IllegalArgumentException("two programs named, '" + program + "' and '" + arg
                                + "'; name one, or none to run them all");
                    }
                    program = arg;
                }
            }
        }
        if (seed != null && program == null) {
            throw new IllegalArgumentException(
                    "--seed needs a program name, e.g. ./heddle demo racy-counter --seed 0x1");
        }
        return new DemoArguments(seeds, seed, program, false);
    }

    /** Seeds per row of the store: a third of {@link #seeds()}, rounded up. */
    int storeSeeds() {
        return (seeds + STORE_SEED_DIVISOR - 1) / STORE_SEED_DIVISOR;
    }

    /** The text {@code ./heddle demo --help} prints, listing {@code programs}. */
    static String usage(List<String> programs) {
        return """
                usage: ./heddle demo [PROGRAM] [--seeds N] [--seed SEED]
                Simulates each example program over many seeds, then the replicated key-value store (raft), correct
                and with each planted bug (raft+BUG), and prints per row the seeds run, the failures, the first
                failing seed with its rerun command, the virtual time covered and the wall time. Then it shrinks the
                store's failure of fewest steps and writes its decision logs, the linearizability report of its
                history and its trace timeline to target/heddle/demo/ in the current folder.
                  PROGRAM       simulate only this program (raft: every row of the store), one of:
                %s
                  --seeds N     seeds per program (default %d); each row of the store runs a third as many (%d)
                  --seed SEED   rerun one seed of PROGRAM with its full report; SEED as printed (0x2a) or in decimal
                  -h, --help    print this and exit
                Exit code: 0 the sweep ran or the seed passed, 1 the seed failed, 2 bad arguments.
                """.formatted(wrapped(programs), DEFAULT_SEEDS, DEFAULT_SEEDS / STORE_SEED_DIVISOR);
    }

    /** The names joined by ", ", wrapped before column 100 and indented by 18 spaces, as the script wraps them. */
    private static String wrapped(List<String> names) {
        String indent = " ".repeat(18);
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String name : names) {
            if (!line.isEmpty() && indent.length() + line.length() + 2 + name.length() > 99) {
                lines.add(indent + line + ",");
                line.setLength(0);
            } else if (!line.isEmpty()) {
                line.append(", ");
            }
            line.append(name);
        }
        lines.add(indent + line);
        return String.join("\n", lines);
    }

    private static long seed(String text) {
        try {
            return Simulation.parseSeed(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "--seed '" + text + "' is not a seed; write it as printed (0x2a) or in decimal");
        }
    }

    private static int seeds(String text) {
        int seeds;
        try {
            seeds = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--seeds '" + text + "' is not a whole number of seeds");
        }
        if (seeds < 1) {
            throw new IllegalArgumentException("--seeds must be at least 1, was " + seeds);
        }
        return seeds;
    }
}
