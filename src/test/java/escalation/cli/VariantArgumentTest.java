package escalation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class VariantArgumentTest {
    @Test
    void nameThenOverridesSeparatedByTopLevelCommas() {
        VariantArgument v = VariantArgument.parse("credible=actors.israel.response.reliability=0.95, actors.us.attention=1");
        assertEquals("credible", v.name());
        assertEquals(List.of("actors.israel.response.reliability=0.95", "actors.us.attention=1"), v.overrides());
    }

    @Test
    void commasInsideListsMapsAndQuotesStayInTheirValue() {
        VariantArgument v = VariantArgument.parse("wide=thresholds.0.by=[kh, nujaba],actors.kh.name=\"Kata'ib, KH\",x.y={a: 1, b: 2}");
        assertEquals(List.of("thresholds.0.by=[kh, nujaba]", "actors.kh.name=\"Kata'ib, KH\"", "x.y={a: 1, b: 2}"), v.overrides());
    }

    @Test
    void badSyntaxIsRejectedWithTheExpectedForm() {
        for (String bad : List.of("credible", "=a.b=1", "cred ible=a.b=1", "-x=a.b=1", "credible=", "credible=0.95",
                "credible=a.b=[1, 2", "credible=a.b='x")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VariantArgument.parse(bad), bad);
            assertTrue(e.getMessage().contains(bad), "the message quotes the argument: " + e.getMessage());
        }
    }

    @Test
    void reproduceCommandQuotesWhatAShellWouldSplit() {
        assertEquals("scenarios/a.yaml", CompareCommand.quote("scenarios/a.yaml"));
        assertEquals("'c=x.y=[a, b]'", CompareCommand.quote("c=x.y=[a, b]"));
        assertEquals("'it'\\''s'", CompareCommand.quote("it's"));
    }
}
