package escalation.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The width of a posterior 90% interval over its prior's, against values worked out by hand. */
class NarrowingTest {
    @Test
    void aUniformPriorsNinetyPercentIntervalIsNineTenthsOfItsRange() {
        Prior prior = new Prior(Prior.Kind.UNIFORM, 0, 10);
        Narrowing n = Narrowing.of(prior, 2, 5);
        assertEquals(0.5, n.priorLow(), 1e-12);
        assertEquals(9.5, n.priorHigh(), 1e-12);
        // (5 - 2) / (9.5 - 0.5)
        assertEquals(1.0 / 3, n.ratio(), 1e-12);
        assertEquals("linear", Narrowing.scale(prior));
    }

    @Test
    void aPosteriorAsWideAsAUniformPriorDoesNotNarrowIt() {
        // 100 equally weighted particles at 0, 1, ..., 99 under uniform(0, 100): weighted 5% and 95% quantiles 4 and 94.
        double[][] values = new double[100][1];
        double[] weights = new double[100];
        for (int i = 0; i < 100; i++) {
            values[i][0] = i;
            weights[i] = 0.01;
        }
        Calibration.Population post = new Calibration.Population(1, 0.5, values, weights, new double[100], 100);
        Narrowing n = Narrowing.of(new Prior(Prior.Kind.UNIFORM, 0, 100), post, 0);
        assertEquals(4, n.posteriorLow());
        assertEquals(94, n.posteriorHigh());
        assertEquals(1.0, n.ratio(), 1e-12, "(94 - 4) / (95 - 5)");
        Narrowing half = Narrowing.of(new Prior(Prior.Kind.UNIFORM, -50, 150), post, 0);
        assertEquals(0.5, half.ratio(), 1e-12, "(94 - 4) / (140 - (-40))");
    }

    @Test
    void logUniformAndNormalPriors() {
        // log-uniform(1, 100): 5% and 95% quantiles 100^0.05 and 100^0.95, widths compared on the log scale.
        Prior log = new Prior(Prior.Kind.LOG_UNIFORM, 1, 100);
        Narrowing n = Narrowing.of(log, 2, 20);
        assertEquals(Math.pow(100, 0.05), n.priorLow(), 1e-9);
        assertEquals(Math.pow(100, 0.95), n.priorHigh(), 1e-9);
        assertEquals(Math.log(10) / (0.9 * Math.log(100)), n.ratio(), 1e-12);
        assertEquals("log", Narrowing.scale(log));
        // normal(0, 1): the 90% interval is +/- 1.6449.
        Narrowing z = Narrowing.of(new Prior(Prior.Kind.NORMAL, 0, 1), -1, 1);
        assertEquals(-1.6448536, z.priorLow(), 1e-6);
        assertEquals(2 / (2 * 1.6448536), z.ratio(), 1e-6);
    }
}
