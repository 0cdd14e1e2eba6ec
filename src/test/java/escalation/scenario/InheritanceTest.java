package escalation.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import escalation.spec.Spec;
import escalation.spec.Spec.ListOf;
import escalation.spec.Spec.Num;
import escalation.spec.Spec.Obj;
import escalation.spec.Spec.Text;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Merging by id on a small format of its own, with a list of identified items inside an identified
 * item (the scenario format has none), a mapping and a plain list inside each item.
 */
class InheritanceTest {
    private static final Obj PART = new Obj("a part", "")
            .req("name", new Text(), "").opt("n", new Num(0, 100, true), 0, "");
    private static final Obj UNIT = new Obj("a unit", "")
            .req("id", new Text(), "")
            .opt("size", new Num(0, 100, true), 0, "")
            .opt("gear", new Obj("gear", "").opt("a", new Num(0, 100, true), 0, "").opt("b", new Num(0, 100, true), 0, ""), null, "")
            .opt("parts", new ListOf(PART, 0).identifiedBy("name"), null, "")
            .opt("tags", new ListOf(new Text(), 0), null, "");
    private static final Obj ROOT = new Obj("root", "").opt("units", new ListOf(UNIT, 0).identifiedBy("id"), null, "");

    private static final String PARENT = """
            units:
              - id: a
                size: 1
                gear: {a: 1, b: 2}
                parts: [{name: p, n: 1}, {name: q, n: 2}]
                tags: [x, y]
              - {id: b, size: 2}
            """;

    private final List<Problem> problems = new ArrayList<>();

    private Node merge(String child) throws ScenarioException {
        YamlReader reader = new YamlReader();
        Node parent = reader.read("parent.yaml", PARENT);
        return new Inheritance(true, problems).merge(parent, reader.read("child.yaml", child), ROOT, "");
    }

    private static Node.Mapping unit(Node tree, int i) {
        return (Node.Mapping) ((Node.Sequence) ((Node.Mapping) tree).get("units")).items().get(i);
    }

    @Test
    void anOverriddenItemMergesItsMappingsAndItsOwnIdentifiedListsAndReplacesItsPlainLists() throws Exception {
        Node tree = merge("""
                units:
                  merge:
                    - id: a
                      gear: {b: 3}
                      parts:
                        merge:
                          - {name: q, n: 5}
                          - {name: r, n: 1}
                          - {name: p, remove: true}
                      tags: [z]
                """);
        assertEquals(List.of(), problems);
        assertEquals("{units=[{id=a, size=1, gear={a=1, b=3}, parts=[{name=q, n=5}, {name=r, n=1}], tags=[z]}, {id=b, size=2}]}",
                Plain.of(tree).toString());
        Node.Mapping gear = (Node.Mapping) unit(tree, 0).get("gear");
        assertEquals(new Node.Position("parent.yaml", 4, 15), gear.get("a").position(), "an inherited value keeps its place");
        assertEquals(new Node.Position("child.yaml", 4, 17), gear.get("b").position(), "an overridden value has the child's place");
        assertEquals("parent.yaml", unit(tree, 0).get("size").position().file());
        assertEquals("parent.yaml", unit(tree, 1).position().file(), "an untouched item is the parent's");
    }

    @Test
    void anIdentifiedListInsideANewItemHasNothingToMergeWith() throws Exception {
        Node tree = merge("""
                units:
                  merge:
                    - {id: c, parts: {merge: [{name: p}]}}
                """);
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("child.yaml:3:23: units.merge[0].parts: merge: the parent scenario has no list here to change; write a plain list",
                problems.get(0).toString());
        assertEquals("{id=c, parts=[]}", Plain.of(unit(tree, 2)).toString());
    }

    @Test
    void onlyRequiredTextFieldsOfObjectItemsIdentifyItems() {
        assertThrows(IllegalArgumentException.class, () -> new ListOf(new Text(), 0).identifiedBy("id"));
        assertThrows(IllegalArgumentException.class, () -> new ListOf(UNIT, 0).identifiedBy("size"));
        assertThrows(IllegalArgumentException.class, () -> new ListOf(PART, 0).identifiedBy("n"));
        assertThrows(IllegalArgumentException.class, () -> new ListOf(
                new Obj("x", "").req("id", new Text(), "").opt("remove", new Spec.Bool(), false, ""), 0).identifiedBy("id"));
        assertTrue(new ListOf(PART, 0).itemKey().isEmpty(), "a list has no item key unless it declares one");
    }
}
