package escalation.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import escalation.Scenarios;
import escalation.model.RunRecord;
import escalation.model.Theatre;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The batch runner hands every run to its sink in run order, failures included. */
class BatchRunnerTest {
    private final Theatre theatre = Scenarios.theatre(Scenarios.SHIPPED.resolve("deterrence-primer.yaml"));

    @Test
    void aRunThatThrowsIsRecordedWithItsSeedAndTheBatchGoesOn() throws Exception {
        int failing = Seeds.of(9, 17);
        BatchRunner.Replication model = BatchRunner.model(theatre);
        BatchRunner.Replication flaky = seed -> {
            if (seed == failing) throw new IllegalStateException("broken on purpose");
            return model.run(seed);
        };
        List<Long> order = new ArrayList<>();
        List<Object[]> failures = new ArrayList<>();
        long end = BatchRunner.run(flaky, 9, 0, 60, 3, (run, seed, record, error) -> {
            order.add(run);
            assertEquals(Seeds.of(9, run), seed);
            if (error != null) {
                assertNull(record);
                failures.add(new Object[] {run, seed, error});
            } else {
                assertNotNull(record);
            }
        });
        assertEquals(60, end);
        List<Long> expected = new ArrayList<>();
        for (long r = 0; r < 60; r++) expected.add(r);
        assertEquals(expected, order, "runs reach the sink in run order");
        assertEquals(1, failures.size());
        assertEquals(17L, failures.get(0)[0]);
        assertEquals(failing, failures.get(0)[1]);
        assertInstanceOf(IllegalStateException.class, failures.get(0)[2]);
    }

    @Test
    void aSinkThatAsksToStopEndsTheBatchAfterTheCurrentRun() throws Exception {
        List<Long> seen = new ArrayList<>();
        long next = BatchRunner.run(theatre, 4, 10, 10_000, 2, new BatchRunner.Sink() {
            @Override public void accept(long run, int seed, RunRecord record, Throwable error) {
                seen.add(run);
            }

            @Override public boolean stopRequested() {
                return seen.size() == 25;
            }
        });
        assertEquals(35, next, "the first run not handed over");
        assertEquals(25, seen.size());
        assertEquals(10L, seen.get(0));
        assertEquals(34L, seen.get(24));
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() throws Exception {
        List<byte[]> one = new ArrayList<>();
        List<byte[]> four = new ArrayList<>();
        BatchRunner.run(theatre, 5, 0, 80, 1, (run, seed, record, error) -> one.add(record.dailyLevel));
        BatchRunner.run(theatre, 5, 0, 80, 4, (run, seed, record, error) -> four.add(record.dailyLevel));
        for (int i = 0; i < 80; i++) org.junit.jupiter.api.Assertions.assertArrayEquals(one.get(i), four.get(i), "run " + i);
    }
}
