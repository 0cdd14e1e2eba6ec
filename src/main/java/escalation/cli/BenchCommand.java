package escalation.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import escalation.experiment.Benchmark;
import escalation.model.Theatre;
import escalation.scenario.Records;
import escalation.scenario.ScenarioException;
import escalation.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code escalation bench FILE}: how fast the model runs a scenario, on one thread and on all. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures how fast the model runs a scenario.",
                "After a warm-up, times N unobserved runs on one thread and again on all threads (R rounds, keeping the "
                        + "fastest of each), and reports runs per "
                        + "second, microseconds per run and nanoseconds per actor-day (thread time and CPU time), the parallel "
                        + "efficiency, the peak heap, the setup of a run (seeding, MASON's priming of the generator, building "
                        + "the world; timed alone) and the model's time (a run less its setup), and the floor: drawing as many "
                        + "random numbers from the same generator as the model drew in the runs' days (setup draws not "
                        + "counted), and nothing else. Model / floor is the model's time over the floor's. The machine's load "
                        + "average at the start and the end says how noisy the measurement was. "
                        + "The calendar is stretched or cut to --days days from the scenario's start."})
final class BenchCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", converter = ScenarioArgument.class, description = "Scenario file (YAML) or shipped scenario name.")
    Path file;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "20000", description = "Measured runs per pass (default ${DEFAULT-VALUE}).")
    long runs;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "5000", description = "Warm-up runs before measuring (default ${DEFAULT-VALUE}).")
    long warmup;

    @Option(names = "--rounds", paramLabel = "R", defaultValue = "3",
            description = "Times each pass is repeated, alternating; the fastest of each counts (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--threads", paramLabel = "T", description = "Threads of the parallel pass (default: all cores).")
    Integer threads;

    @Option(names = "--days", paramLabel = "D", defaultValue = "365", description = "Days per run, from the scenario's start (default ${DEFAULT-VALUE}; 0 keeps the scenario's calendar).")
    int days;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Master seed of the runs (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a value of the scenario (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--json", description = "Print the figures as one JSON object on standard output instead of a table.")
    boolean json;

    @Override public Integer call() throws Exception {
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        String bad = runs < 1 ? "--runs must be at least 1" : warmup < 0 ? "--warmup must be at least 0"
                : rounds < 1 ? "--rounds must be at least 1"
                : workers < 1 ? "--threads must be at least 1" : days < 0 ? "--days must be at least 1 (or 0)" : null;
        if (bad != null) {
            System.err.println("escalation: " + bad);
            return EscalationCommand.INVALID;
        }
        Theatre theatre;
        try {
            ScenarioLoader loader = new ScenarioLoader();
            Records.Scenario scenario = loader.load(file, overrides);
            if (days > 0) {
                List<String> stretched = new ArrayList<>(overrides);
                String end = scenario.calendar().start().plusDays(days - 1L).toString();
                stretched.add("calendar.end=" + end);
                try {
                    scenario = loader.load(file, stretched);
                } catch (ScenarioException e) {
                    e.problems().forEach(p -> System.err.println(p));
                    System.err.println("escalation: --days " + days + " ends the calendar on " + end
                            + "; give more days, or --days 0 for the scenario's own calendar");
                    return EscalationCommand.INVALID;
                }
            }
            theatre = new Theatre(scenario);
        } catch (ScenarioException e) {
            return Outputs.invalid(file, e);
        }
        if (!json) {
            System.err.printf(Locale.ROOT, "Benchmarking %s: %d actors, %d days; %d warm-up runs, then %d x %d runs on 1 and on %d threads...%n",
                    theatre.scenario.name(), theatre.actors, theatre.days, warmup, rounds, runs, workers);
        }
        Benchmark.Result r = Benchmark.measure(theatre, new Benchmark.Settings(runs, warmup, workers, seed, rounds));
        System.out.print(json ? json(r) : table(r));
        return 0;
    }

    static String table(Benchmark.Result r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%s: %d actors x %d days per run; Java %s, %d cores%n%n",
                r.scenario(), r.actors(), r.days(), r.java(), r.cores()));
        b.append(String.format(Locale.ROOT, "%-12s %8s %9s %10s %10s %14s %14s%n", "pass", "threads", "runs", "runs/s", "µs/run",
                "ns/actor-day", "CPU ns/a-day"));
        for (Benchmark.Pass p : new Benchmark.Pass[] {r.single(), r.all()}) {
            b.append(String.format(Locale.ROOT, "%-12s %8d %9d %10.0f %10.1f %14.1f %14.1f%n", p == r.single() ? "one thread" : "all threads",
                    p.threads(), p.runs(), p.runsPerSecond(), p.microsPerRun(), p.nanosPerActorDay(), p.cpuNanosPerActorDay()));
        }
        double actorDays = (double) r.actors() * r.days();
        Benchmark.Setup s = r.setup();
        b.append(String.format(Locale.ROOT, "%-12s %8d %9d %10.0f %10.1f %14.1f %14s%n", "setup only", 1, s.runs(),
                1e9 / s.nanosPerRun(), s.nanosPerRun() / 1e3, s.nanosPerRun() / actorDays, ""));
        Benchmark.Floor f = r.floor();
        b.append(String.format(Locale.ROOT, "%-12s %8d %9d %10.0f %10.1f %14.1f %14s%n", "floor", 1, f.countedRuns(),
                1e9 / f.nanosPerRun(), f.nanosPerRun() / 1e3, f.nanosPerRun() / actorDays, ""));
        b.append(String.format(Locale.ROOT, "%n(µs/run and ns/actor-day are thread time, wall time x threads; CPU ns/a-day is the "
                + "threads' CPU time per actor-day, which other processes on the machine disturb less.)%n"));
        b.append(String.format(Locale.ROOT, "Parallel efficiency: %.0f%% (%d threads)%n", 100 * r.efficiency(), r.all().threads()));
        b.append(String.format(Locale.ROOT, "A run on one thread: %.1f µs = setup %.1f µs (seeding, MASON's priming, building the world) "
                + "+ model %.1f µs (the days)%n", r.runNanosPerRun() / 1e3, r.setupNanosPerRun() / 1e3, r.modelNanosPerRun() / 1e3));
        b.append(String.format(Locale.ROOT, "Random numbers the model draws per run: %.0f (MASON's priming draws %.0f more at setup, "
                + "not counted)%n", f.drawsPerRun(), f.setupDrawsPerRun()));
        b.append(String.format(Locale.ROOT, "Floor: drawing them takes %.1f µs/run (seeding and priming a generator, apart: %.1f µs); "
                + "model / floor: %.1f%n", f.nanosPerRun() / 1e3, f.seedingNanosPerRun() / 1e3, r.modelOverFloor()));
        b.append(String.format(Locale.ROOT, "Peak heap in use while measuring: %.0f MiB (max heap %.0f MiB)%n",
                r.peakHeapBytes() / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0));
        b.append(String.format(Locale.ROOT, "Load average (1 minute): %s at the start, %s at the end, on %d cores%n",
                load(r.loadAverageStart()), load(r.loadAverageEnd()), r.cores()));
        return b.toString();
    }

    private static String load(double average) {
        return average < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", average);
    }

    /** The figures as one JSON object: flat keys first, then each pass, the setup and the floor in detail. */
    static String json(Benchmark.Result r) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scenario", r.scenario());
        m.put("actors", r.actors());
        m.put("days", r.days());
        m.put("runs", r.settings().runs());
        m.put("threads", r.all().threads());
        m.put("warmup_runs", r.settings().warmupRuns());
        m.put("rounds", r.settings().rounds());
        m.put("seed", r.settings().seed());
        m.put("java", r.java());
        m.put("cores", r.cores());
        m.put("load_average_start", r.loadAverageStart() < 0 ? null : r.loadAverageStart());
        m.put("load_average_end", r.loadAverageEnd() < 0 ? null : r.loadAverageEnd());
        m.put("runs_per_second_one_thread", r.single().runsPerSecond());
        m.put("runs_per_second_all_threads", r.all().runsPerSecond());
        m.put("cpu_ns_per_actor_day", r.single().cpuNanosPerActorDay());
        m.put("cpu_ns_per_actor_day_all_threads", r.all().cpuNanosPerActorDay());
        m.put("ns_per_actor_day", r.single().nanosPerActorDay());
        m.put("parallel_efficiency", r.efficiency());
        m.put("run_ns_per_run", r.runNanosPerRun());
        m.put("setup_ns_per_run", r.setupNanosPerRun());
        m.put("model_ns_per_run", r.modelNanosPerRun());
        m.put("draws_per_run", r.floor().drawsPerRun());
        m.put("setup_draws_per_run", r.floor().setupDrawsPerRun());
        m.put("floor_ns_per_run", r.floor().nanosPerRun());
        m.put("floor_seeding_ns_per_run", r.floor().seedingNanosPerRun());
        m.put("model_over_floor", r.modelOverFloor());
        m.put("peak_heap_bytes", r.peakHeapBytes());
        m.put("max_heap_bytes", Runtime.getRuntime().maxMemory());
        for (Benchmark.Pass p : new Benchmark.Pass[] {r.single(), r.all()}) {
            Map<String, Object> pass = new LinkedHashMap<>();
            pass.put("threads", p.threads());
            pass.put("runs", p.runs());
            pass.put("seconds", p.nanos() / 1e9);
            pass.put("runs_per_second", p.runsPerSecond());
            pass.put("us_per_run", p.microsPerRun());
            pass.put("ns_per_actor_day", p.nanosPerActorDay());
            pass.put("cpu_ns_per_actor_day", p.cpuNanosPerActorDay());
            pass.put("peak_heap_bytes", p.peakHeapBytes());
            m.put(p == r.single() ? "single" : "all", pass);
        }
        Map<String, Object> setup = new LinkedHashMap<>();
        setup.put("runs", r.setup().runs());
        setup.put("seconds", r.setup().nanos() / 1e9);
        setup.put("ns_per_run", r.setup().nanosPerRun());
        m.put("setup", setup);
        Map<String, Object> floor = new LinkedHashMap<>();
        floor.put("counted_runs", r.floor().countedRuns());
        floor.put("draws_per_run", r.floor().drawsPerRun());
        floor.put("setup_draws_per_run", r.floor().setupDrawsPerRun());
        floor.put("seeding_ns_per_run", r.floor().seedingNanosPerRun());
        floor.put("drawing_ns_per_run", r.floor().drawingNanosPerRun());
        floor.put("ns_per_run", r.floor().nanosPerRun());
        m.put("floor", floor);
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m) + "\n";
    }
}
