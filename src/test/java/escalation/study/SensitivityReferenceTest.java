package escalation.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import escalation.design.LatinHypercube;
import escalation.design.MorrisDesign;
import escalation.design.SaltelliDesign;
import escalation.sensitivity.MorrisEffects;
import escalation.sensitivity.Prim;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The designs and the analysis, run through the experiment runner on test functions whose answers are
 * known analytically: Sobol indices of the Ishigami and G functions, the Morris ranking of the G
 * function's factors, and a box planted in factor space that PRIM must find.
 */
class SensitivityReferenceTest {
    /** The documented sample size at which indices are within 0.02 of the analytical values. */
    static final int SAMPLES = 8192;

    private static Analysis.Result analyse(Experiment e, ExperimentModel m, ExperimentFile.Discovery d) throws Exception {
        return Analysis.of(e, TestFunctions.run(e, m, 2).means(), d, 200, 10);
    }

    @Test
    void ishigamiSobolIndicesAreWithinTwoHundredthsOfTheAnalyticalValues() throws Exception {
        Analysis.Result r = analyse(TestFunctions.experiment(new SaltelliDesign(3, SAMPLES), 1, false), TestFunctions.ISHIGAMI, null);
        double[][] exact = TestFunctions.ishigamiIndices();
        assertEquals(3, r.sobol().size());
        for (Analysis.SobolRow row : r.sobol()) {
            assertEquals(exact[0][row.factor()], row.index().first(), 0.02, "S" + (row.factor() + 1));
            assertEquals(exact[1][row.factor()], row.index().total(), 0.02, "ST" + (row.factor() + 1));
            assertTrue(row.index().firstLow() <= row.index().first() && row.index().first() <= row.index().firstHigh());
        }
    }

    @Test
    void sobolGIndicesAreWithinTwoHundredthsOfTheAnalyticalValues() throws Exception {
        double[] a = {0, 1, 4.5, 9, 99, 99, 99, 99};
        Analysis.Result r = analyse(TestFunctions.experiment(new SaltelliDesign(8, SAMPLES), 1, false), TestFunctions.sobolG(a), null);
        double[][] exact = TestFunctions.sobolGIndices(a);
        for (Analysis.SobolRow row : r.sobol()) {
            assertEquals(exact[0][row.factor()], row.index().first(), 0.02, "S" + (row.factor() + 1));
            assertEquals(exact[1][row.factor()], row.index().total(), 0.02, "ST" + (row.factor() + 1));
        }
    }

    @Test
    void bootstrapIntervalsNarrowAsSamplesGrowAndMostHoldTheTruth() throws Exception {
        double[][] exact = TestFunctions.ishigamiIndices();
        double[] width = new double[2];
        int held = 0;
        int[] sizes = {512, 4096};
        for (int s = 0; s < 2; s++) {
            Analysis.Result r = analyse(TestFunctions.experiment(new SaltelliDesign(3, sizes[s]), 1, false), TestFunctions.ISHIGAMI, null);
            for (Analysis.SobolRow row : r.sobol()) {
                width[s] += row.index().totalHigh() - row.index().totalLow() + row.index().firstHigh() - row.index().firstLow();
                if (s == 0) {
                    if (row.index().firstLow() <= exact[0][row.factor()] && exact[0][row.factor()] <= row.index().firstHigh()) held++;
                    if (row.index().totalLow() <= exact[1][row.factor()] && exact[1][row.factor()] <= row.index().totalHigh()) held++;
                }
            }
        }
        assertTrue(width[1] < width[0] / 2, "8 times the samples should more than halve the intervals: " + Arrays.toString(width));
        assertTrue(held >= 5, "at least 5 of the 6 intervals at N = 512 hold the analytical index, got " + held);
    }

    @Test
    void convergenceRowsApproachTheFinalEstimate() throws Exception {
        Analysis.Result r = analyse(TestFunctions.experiment(new SaltelliDesign(3, 1024), 1, false), TestFunctions.ISHIGAMI, null);
        double[][] exact = TestFunctions.ishigamiIndices();
        var rows = r.convergence().stream().filter(c -> c.factor() == 1).toList();
        assertEquals(8, rows.get(0).samples());
        assertEquals(1024, rows.get(rows.size() - 1).samples());
        double firstError = Math.abs(rows.get(0).total() - exact[1][1]);
        double lastError = Math.abs(rows.get(rows.size() - 1).total() - exact[1][1]);
        assertTrue(lastError < 0.05 && lastError < firstError + 0.01, firstError + " -> " + lastError);
    }

    @Test
    void morrisRanksTheGFunctionsFactorsByImportance() throws Exception {
        double[] a = {0, 1, 4.5, 9, 99, 99, 99, 99};
        Experiment e = TestFunctions.experiment(new MorrisDesign(8, 60, 4, 3), 1, false);
        Analysis.Result r = analyse(e, TestFunctions.sobolG(a), null);
        MorrisEffects.Effect[] fx = r.morris().stream().map(Analysis.MorrisRow::effect).toArray(MorrisEffects.Effect[]::new);
        Integer[] order = IntStream.range(0, 8).boxed().sorted(Comparator.comparingDouble(f -> -fx[f].muStar())).toArray(Integer[]::new);
        assertEquals(Arrays.asList(0, 1, 2, 3), Arrays.asList(order).subList(0, 4), "mu* orders x1 > x2 > x3 > x4 > the rest");
        for (int f = 4; f < 8; f++) assertTrue(fx[f].muStar() < 0.1 * fx[0].muStar(), "x" + (f + 1) + " is negligible");
        assertTrue(fx[0].sigma() > 0, "x1 interacts with the others, so its effects vary");
    }

    @Test
    void primRecoversAPlantedBoxToWithinFivePercentOnEachLimit() throws Exception {
        Experiment e = TestFunctions.experiment(new LatinHypercube(4, 2000, 11), 1, true);
        ExperimentFile.Discovery d = new ExperimentFile.Discovery("y", null, 0.05, 0.02, 0.8, 3);
        Prim.Result prim = analyse(e, TestFunctions.plantedBox(1, 0), d).discovery().get(0).prim();
        Prim.Box box = prim.box();
        assertEquals(0.2, box.low()[0], 0.05);
        assertEquals(0.6, box.high()[0], 0.05);
        assertEquals(0.3, box.low()[1], 0.05);
        assertEquals(0.8, box.high()[1], 0.05);
        assertTrue(!box.restricts(2) && !box.restricts(3), "the factors that do nothing stay unrestricted");
        assertTrue(box.density() > 0.95 && box.coverage() > 0.9, "density " + box.density() + ", coverage " + box.coverage());
        assertTrue(prim.pValue()[0] < 1e-6 && prim.pValue()[1] < 1e-6, "both limits are significant");
    }

    @Test
    void primFindsTheBoxThroughNoisyReplications() throws Exception {
        Experiment e = TestFunctions.experiment(new LatinHypercube(4, 2000, 5), 8, true);
        ExperimentFile.Discovery d = new ExperimentFile.Discovery("y", 0.5, 0.05, 0.02, 0.8, 3);
        Analysis.Discovery found = analyse(e, TestFunctions.plantedBox(0.8, 0.2), d).discovery().get(0);
        Prim.Box box = found.prim().box();
        assertEquals(0.2, box.low()[0], 0.05);
        assertEquals(0.6, box.high()[0], 0.05);
        assertEquals(0.3, box.low()[1], 0.05);
        assertEquals(0.8, box.high()[1], 0.05);
        double[] scores = found.tree().scores();
        assertTrue(scores[0] + scores[1] > 0.9, "the tree's splits are on the two factors of the box: " + Arrays.toString(scores));
    }

    @Test
    void runsAndPointsAreTheSameOnOneAndTwoThreads() throws Exception {
        Experiment e = TestFunctions.experiment(new LatinHypercube(3, 300, 2), 5, true);
        TestFunctions.Ran one = TestFunctions.run(e, TestFunctions.plantedBox(0.7, 0.3), 1);
        TestFunctions.Ran two = TestFunctions.run(e, TestFunctions.plantedBox(0.7, 0.3), 2);
        assertEquals(one.runs(), two.runs());
        assertTrue(Arrays.deepEquals(one.means(), two.means()));
        assertEquals(1500, one.runs().size());
    }
}
