package escalation.design;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The designs' structure and the distributions' inverse functions, against values worked out by hand. */
class DesignsTest {
    @Test
    void distributionsMapUnitCoordinatesByTheirInverseDistributionFunction() {
        assertEquals(2.5, Distribution.uniform(0, 10).value(0.25), 1e-12);
        assertEquals(Math.sqrt(0.1 * 10), Distribution.logUniform(0.1, 10).value(0.5), 1e-12, "the geometric middle");
        assertEquals(10, Distribution.logUniform(1, 10).value(1), 0, "the ends exactly");
        // triangular(0, 2, 10): F(2) = 0.2; the median solves (10 - x)^2 = 0.5 * 10 * 8
        Distribution t = Distribution.triangular(0, 2, 10);
        assertEquals(2, t.value(0.2), 1e-12);
        assertEquals(10 - Math.sqrt(40), t.value(0.5), 1e-12);
        assertEquals(0.5, t.unit(t.value(0.5)), 1e-12);
        Distribution n = Distribution.normal(5, 2);
        assertEquals(5, n.value(0.5), 1e-9);
        assertEquals(5 + 2 * 3.090232306, n.value(1), 1e-6, "held at the 99.9% quantile");
        Distribution d = Distribution.discrete(3);
        assertEquals(0, d.value(0));
        assertEquals(1, d.value(0.5));
        assertEquals(2, d.value(1));
    }

    @Test
    void aFullFactorialHasEveryCombinationOnce() {
        FullFactorial f = new FullFactorial(new int[] {3, 2}, new boolean[] {false, true});
        assertEquals(6, f.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 6; i++) seen.add(java.util.Arrays.toString(f.unit(i)));
        assertEquals(6, seen.size());
        assertArrayEquals(new double[] {0.5, 0.75}, f.unit(3), 1e-12, "middle level of the first, second level of the discrete one");
    }

    @Test
    void aLatinHypercubeHasOnePointInEverySliceOfEveryFactor() {
        LatinHypercube h = new LatinHypercube(3, 50, 9);
        for (int f = 0; f < 3; f++) {
            boolean[] hit = new boolean[50];
            for (int i = 0; i < 50; i++) hit[(int) Math.floor(h.unit(i)[f] * 50)] = true;
            for (boolean b : hit) assertTrue(b);
        }
        assertArrayEquals(h.unit(17), new LatinHypercube(3, 50, 9).unit(17), "the same seed gives the same design");
    }

    @Test
    void saltelliBlocksDifferFromAInOneColumnEach() {
        SaltelliDesign s = new SaltelliDesign(4, 16);
        assertEquals(16 * 6, s.size());
        for (int j = 0; j < 16; j++) {
            double[] a = s.unit(j * 6L);
            double[] b = s.unit(j * 6L + 1);
            for (int i = 0; i < 4; i++) {
                double[] ab = s.unit(j * 6L + 2 + i);
                for (int f = 0; f < 4; f++) assertEquals(f == i ? b[f] : a[f], ab[f], 0);
            }
        }
    }

    @Test
    void morrisTrajectoriesMoveOneFactorAtATimeByDelta() {
        MorrisDesign m = new MorrisDesign(5, 10, 4, 2);
        assertEquals(2.0 / 3, m.delta(), 1e-12);
        for (int t = 0; t < 10; t++) {
            MorrisDesign.Trajectory tr = m.trajectory(t);
            Set<Integer> moved = new HashSet<>();
            for (int s = 0; s < 5; s++) {
                int f = tr.moved()[s];
                moved.add(f);
                for (int g = 0; g < 5; g++) {
                    double change = tr.points()[s + 1][g] - tr.points()[s][g];
                    assertEquals(g == f ? tr.direction()[s] * m.delta() : 0, change, 1e-12);
                    assertTrue(tr.points()[s + 1][g] >= 0 && tr.points()[s + 1][g] <= 1);
                }
            }
            assertEquals(5, moved.size(), "each factor moves once per trajectory");
        }
    }

    @Test
    void oneAtATimeMovesEachFactorAloneFromTheBaseline() {
        OneAtATime o = new OneAtATime(new double[] {0.5, 0.25}, new int[] {5, 2}, new boolean[] {false, true});
        // factor 0: 0, 0.25, 0.75, 1 (0.5 is the baseline); factor 1: 0.75 (0.25 is the baseline)
        assertEquals(1 + 4 + 1, o.size());
        assertEquals(-1, o.moved(0));
        for (int i = 1; i < o.size(); i++) {
            double[] u = o.unit(i);
            int f = o.moved(i);
            assertEquals(o.baseline()[1 - f], u[1 - f], 1e-12, "the other factor stays at its baseline");
            assertTrue(u[f] != o.baseline()[f]);
        }
    }
}
