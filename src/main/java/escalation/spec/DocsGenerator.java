package escalation.spec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import escalation.scenario.DefaultLadder;
import escalation.scenario.Records;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code docs/scenarios.md} (the scenario reference) and {@code docs/scenario.schema.json}
 * (a JSON Schema for editors) from {@link ScenarioSpec#ROOT}. Run
 * {@code java -cp target/escalation.jar escalation.spec.DocsGenerator docs} after changing the spec.
 */
public final class DocsGenerator {
    public static final String REFERENCE = "scenarios.md";
    public static final String SCHEMA = "scenario.schema.json";
    public static final String EXPERIMENT_REFERENCE = "experiment-reference.md";
    public static final String EXPERIMENT_SCHEMA = "experiment.schema.json";

    private DocsGenerator() { }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "docs");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(REFERENCE), reference(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(SCHEMA), schema(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(EXPERIMENT_REFERENCE), experimentReference(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(EXPERIMENT_SCHEMA), experimentSchema(), StandardCharsets.UTF_8);
    }

    /** A draft-07 schema of experiment files, from {@link ExperimentSpec#ROOT}. */
    public static String experimentSchema() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("$schema", "http://json-schema.org/draft-07/schema#");
        root.put("title", "Escalation experiment");
        root.put("description", "An experiment file of the escalation simulator; see docs/experiments.md and docs/experiment-reference.md.");
        root.putAll(schemaOf(ExperimentSpec.ROOT, false));
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root).replace("\r\n", "\n") + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The reference of experiment files: every key with type, default and meaning. */
    public static String experimentReference() {
        StringBuilder b = new StringBuilder();
        b.append("# Experiment file reference\n\n")
                .append("<!-- Generated from src/main/java/escalation/spec/ExperimentSpec.java by escalation.spec.DocsGenerator; do not edit by hand. -->\n\n")
                .append("An experiment is one YAML file; [`experiments.md`](experiments.md) explains the designs and the analysis, and ")
                .append("[`experiment.schema.json`](experiment.schema.json) lets editors complete and check the file. A key not listed ")
                .append("below is an error (with a did-you-mean), as are a factor path or range the scenario cannot take, an unknown actor, ")
                .append("threshold or factor, and a date outside the calendar; `escalation experiment` lists every problem at once with file, ")
                .append("line and column, and exits with code 2.\n\n");
        List<Section> sections = new ArrayList<>();
        collect("", ExperimentSpec.ROOT, sections, null);
        tables(b, sections);
        return b.toString();
    }

    private static void tables(StringBuilder b, List<Section> sections) {
        for (Section s : sections) {
            b.append("## `").append(s.path.isEmpty() ? "(top level)" : s.path).append("`\n\n");
            if (!s.obj.doc.isEmpty()) b.append(s.obj.doc).append("\n\n");
            if (s.obj.isExactlyOne()) b.append("Write exactly one of these keys.\n\n");
            b.append("| key | type | required | default | meaning |\n|---|---|---|---|---|\n");
            for (Spec.Field f : s.obj.fields.values()) {
                b.append("| `").append(f.name()).append("` | ").append(f.spec().expected().replace("|", "\\|"))
                        .append(" | ").append(f.required() ? "yes" : "no")
                        .append(" | ").append(f.required() || f.defaultValue() == null ? "" : literal(f) ? "`" + f.defaultValue() + "`" : "*" + f.defaultValue() + "*")
                        .append(" | ").append(f.doc().replace("|", "\\|")).append(" |\n");
            }
            b.append('\n');
        }
    }

    // ------------------------------------------------------------------ JSON Schema

    /**
     * A draft-07 schema. A file with {@code extends:} overrides only some values of its parent, so it
     * is checked against a lenient copy of the format in which nothing is required.
     */
    public static String schema() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("$schema", "http://json-schema.org/draft-07/schema#");
        root.put("title", "Escalation scenario");
        root.put("description", "A scenario file of the escalation simulator; see docs/scenarios.md.");
        root.put("if", Map.of("required", List.of("extends")));
        root.put("then", Map.of("$ref", "#/definitions/override"));
        root.put("else", Map.of("$ref", "#/definitions/scenario"));
        Map<String, Object> definitions = new LinkedHashMap<>();
        definitions.put("scenario", schemaOf(ScenarioSpec.ROOT, false));
        definitions.put("override", schemaOf(ScenarioSpec.ROOT, true));
        root.put("definitions", definitions);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root)
                    .replace("\r\n", "\n") + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> schemaOf(Spec spec, boolean partial) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (spec instanceof Spec.Obj o) {
            m.put("type", "object");
            if (!o.doc.isEmpty()) m.put("description", o.doc);
            Map<String, Object> props = new LinkedHashMap<>();
            List<String> required = new ArrayList<>();
            for (Spec.Field f : o.fields.values()) {
                Map<String, Object> p = schemaOf(f.spec(), partial);
                p.put("description", f.doc());
                if (literal(f)) p.put("default", f.defaultValue());
                props.put(f.name(), p);
                if (f.required()) required.add(f.name());
            }
            m.put("properties", props);
            if (!required.isEmpty() && !partial) m.put("required", required);
            m.put("additionalProperties", false);
            if (o.isExactlyOne()) {
                m.put("minProperties", 1);
                m.put("maxProperties", 1);
            }
        } else if (spec instanceof Spec.MapOf mo) {
            m.put("type", "object");
            if (mo.idKeys) m.put("propertyNames", Map.of("pattern", "^[A-Za-z][A-Za-z0-9_]*$"));
            m.put("additionalProperties", schemaOf(mo.values, partial));
        } else if (spec instanceof Spec.ListOf l) {
            Map<String, Object> array = new LinkedHashMap<>();
            array.put("type", "array");
            array.put("items", schemaOf(l.items, partial));
            if (l.minItems > 0 && !partial) array.put("minItems", l.minItems);
            if (partial && !l.itemKey().isEmpty()) {
                m.put("anyOf", List.of(array, mergeSchema(l)));
            } else {
                m.putAll(array);
            }
        } else if (spec instanceof Spec.Tagged t) {
            List<Object> variants = new ArrayList<>();
            for (var e : t.variants.entrySet()) {
                Map<String, Object> v = schemaOf(e.getValue(), partial);
                @SuppressWarnings("unchecked")
                Map<String, Object> props = (Map<String, Object>) v.get("properties");
                Map<String, Object> withKind = new LinkedHashMap<>();
                withKind.put("kind", Map.of("const", e.getKey()));
                withKind.putAll(props);
                v.put("properties", withKind);
                if (!partial) v.put("required", List.of("kind"));
                variants.add(v);
            }
            m.put("type", "object");
            m.put("anyOf", variants);
        } else if (spec instanceof Spec.Num n) {
            m.put("type", n.integer ? "integer" : "number");
            if (n.min > -Double.MAX_VALUE) m.put("minimum", n.min == Math.rint(n.min) ? (Object) (long) n.min : n.min);
            if (n.max < Double.MAX_VALUE) m.put("maximum", n.max == Math.rint(n.max) ? (Object) (long) n.max : n.max);
        } else if (spec instanceof Spec.Bool) {
            m.put("type", "boolean");
        } else if (spec instanceof Spec.Value) {
            m.put("type", List.of("number", "boolean", "string"));
        } else if (spec instanceof Spec.Date) {
            m.put("type", "string");
            m.put("format", "date");
        } else if (spec instanceof Spec.MonthDay) {
            m.put("type", "string");
            m.put("pattern", "^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$");
        } else if (spec instanceof Spec.Choice c) {
            m.put("enum", c.values);
        } else {
            m.put("type", "string");
        }
        return m;
    }

    /** A list changed item by item in a file with extends: {merge: [items named by their id]}. */
    private static Map<String, Object> mergeSchema(Spec.ListOf l) {
        Map<String, Object> item = schemaOf(l.items, true);
        @SuppressWarnings("unchecked")
        Map<String, Object> props = new LinkedHashMap<>((Map<String, Object>) item.get("properties"));
        Map<String, Object> remove = new LinkedHashMap<>();
        remove.put("const", true);
        remove.put("description", "Removes the parent's item of this id.");
        props.put(Spec.ListOf.REMOVE, remove);
        item.put("properties", props);
        item.put("required", l.itemKey());
        Map<String, Object> merge = new LinkedHashMap<>();
        merge.put("type", "object");
        merge.put("description", "Changes the parent scenario's list item by item; items are named by "
                + String.join(" and ", l.itemKey()) + ".");
        Map<String, Object> items = new LinkedHashMap<>();
        items.put("type", "array");
        items.put("items", item);
        merge.put("properties", Map.of(Spec.ListOf.MERGE, items));
        merge.put("required", List.of(Spec.ListOf.MERGE));
        merge.put("additionalProperties", false);
        return merge;
    }

    // ------------------------------------------------------------------ Markdown reference

    /** The bounds on what costs time or memory, from the constants that enforce them. */
    static String bounds() {
        return "## Bounds\n\n"
                + "Every input whose size costs time or memory is bounded, and a value beyond its bound is an error like any other:\n\n"
                + "| what | bound |\n|---|---|\n"
                + "| a scenario, history check or priors file | " + escalation.scenario.YamlReader.MAX_BYTES + " bytes, nesting "
                + escalation.scenario.YamlReader.MAX_DEPTH + " levels, named `.yaml` or `.yml` |\n"
                + "| an observed-figures file | " + escalation.history.ObservedFigures.MAX_BYTES + " bytes, UTF-8 (a byte order mark is ignored), named `.csv` |\n"
                + "| `extends:` chain | 16 files above this one |\n"
                + "| ids | " + Spec.MapOf.MAX_ID + " characters |\n"
                + "| names, labels and other text | " + Spec.Text.SHORT + " characters (`title` 500, `description` 100,000) |\n"
                + "| dates | years " + Spec.Date.MIN_YEAR + " to " + Spec.Date.MAX_YEAR + "; a calendar of at most 20 years |\n"
                + "| people killed or injured per hit (`weapons.*.killed`, `injured`) | " + (long) ScenarioSpec.MAX_HARM_PER_HIT + " |\n"
                + "| weapons in one salvo | " + ScenarioSpec.MAX_SALVO + " |\n"
                + "| weapons in stock, resupplied per day, or held (`stock`, `resupply`, `capacity`) | " + (long) ScenarioSpec.MAX_WEAPONS + " |\n\n"
                + "Totals per run saturate at 2147483647 rather than overflow. On the command line: `--runs` at most 1000000000 "
                + "(`history`: 10000000), `--threads` at most 256, master seeds `--seed` from 0 to 4294967295 (a master seed is folded to "
                + "the 32 bits the generator reads, so larger ones would repeat smaller ones).\n\n";
    }

    public static String reference() {
        StringBuilder b = new StringBuilder();
        b.append("# Scenario reference\n\n")
                .append("<!-- Generated from src/main/java/escalation/spec/ScenarioSpec.java by escalation.spec.DocsGenerator; do not edit by hand. -->\n\n")
                .append("A scenario is one YAML file. Every key is listed below with its type, default, range and meaning; ")
                .append("a key not listed is an error (with a did-you-mean). Editors that read JSON Schema can complete and check ")
                .append("scenario files with [`scenario.schema.json`](scenario.schema.json) (in VS Code with the YAML extension: ")
                .append("`# yaml-language-server: $schema=../docs/scenario.schema.json` as the first line).\n\n")
                .append("Ids (of actors, weapons, rungs, actions, corridor nodes and links) start with a letter and use letters, ")
                .append("digits and `_`. YAML aliases are not supported; use `extends:` to share values between files. No key is a word ")
                .append("that YAML 1.1 tools (PyYAML, R's `yaml`) read as a boolean (`on`, `off`, `yes`, `no`, `y`, `n`...), so those tools read ")
                .append("every scenario as this one does; numbers are written in decimal.\n\n")
                .append("## Inheritance and overrides\n\n")
                .append("`extends: other.yaml` loads another scenario first (the path is relative to this file). Mappings merge key by key, ")
                .append("so an override names only what changes; a list is replaced whole, unless it is written as `{merge: [...]}` to change, ")
                .append("add or remove single items (see [Changing one item of an inherited list](#changing-one-item-of-an-inherited-list)). ")
                .append("Chains may be up to 16 deep; a cycle is an error; `extends` cannot be given with `--set`.\n\n")
                .append("Any value can be overridden on the command line with `--set PATH=VALUE`, where PATH names mapping keys and ")
                .append("list indexes with dots: `--set actors.israel.rule.threshold=0.4`, `--set calendar.events.0.date=2024-10-02`. ")
                .append("The value is read as YAML, so `--set relations.rivalry.0.actors=[kh,nujaba]` works. The result is validated like a file.\n\n")
                .append(bounds())
                .append("## Example\n\n```yaml\n")
                .append(EXAMPLE)
                .append("```\n\n");
        List<Section> sections = new ArrayList<>();
        collect("", ScenarioSpec.ROOT, sections, null);
        b.append(MERGE_PROSE).append(MERGE_EXAMPLE).append("```\n\n").append(MERGE_RULES)
                .append("| list | items named by |\n|---|---|\n");
        for (Section s : sections) {
            if (s.list != null) {
                b.append("| `").append(s.path.substring(0, s.path.length() - 2)).append("` | ")
                        .append(String.join(" and ", s.list.itemKey().stream().map(k -> "`" + k + "`").toList())).append(" |\n");
            }
        }
        b.append('\n');
        for (Section s : sections) {
            b.append("## `").append(s.path.isEmpty() ? "(top level)" : s.path).append("`\n\n");
            if (!s.obj.doc.isEmpty()) b.append(s.obj.doc).append("\n\n");
            if (s.obj.isExactlyOne()) b.append("Write exactly one of these keys.\n\n");
            if (s.list != null) {
                b.append("Items are named by ").append(String.join(" and ", s.list.itemKey().stream().map(k -> "`" + k + "`").toList()))
                        .append(": a file with `extends:` can change, add or remove one with `merge:` (see ")
                        .append("[Changing one item of an inherited list](#changing-one-item-of-an-inherited-list)).\n\n");
            }
            b.append("| key | type | required | default | meaning |\n|---|---|---|---|---|\n");
            for (Spec.Field f : s.obj.fields.values()) {
                b.append("| `").append(f.name()).append("` | ").append(f.spec().expected().replace("|", "\\|"))
                        .append(" | ").append(f.required() ? "yes" : "no")
                        .append(" | ").append(f.required() || f.defaultValue() == null ? "" : literal(f) ? "`" + f.defaultValue() + "`" : "*" + f.defaultValue() + "*")
                        .append(" | ").append(f.doc().replace("|", "\\|")).append(" |\n");
            }
            b.append('\n');
        }
        b.append("## The default ladder\n\nUsed when a scenario declares no `ladder`. Intensities are ordinal severities.\n\n")
                .append("| level | id | name | intensity | kinetic | sustained |\n|---|---|---|---|---|---|\n");
        int level = 1;
        for (Records.Rung r : DefaultLadder.RUNGS) {
            b.append("| ").append(level++).append(" | `").append(r.id()).append("` | ").append(r.name()).append(" | ")
                    .append(Spec.Num.fmt(r.intensity())).append(" | ").append(r.kinetic() ? "yes" : "no").append(" | ")
                    .append(r.sustained() ? "yes" : "no").append(" |\n");
        }
        b.append("\nThe daily escalation level is 0 on a day with no action, else the level of the highest rung used that day ")
                .append("(or, after a sustained rung was used, at least that rung's level).\n\n");
        b.append("## Settable paths\n\n")
                .append("The `set:` effect of a dated event or a shock changes these numeric parameters from that day on ")
                .append("(`<actor>` is an actor id, `<weapon>` a weapon id):\n\n")
                .append("- `actors.<actor>.traits.<trait>` for each trait: ").append(String.join(", ", escalation.scenario.SettablePaths.TRAITS)).append('\n')
                .append("- `actors.<actor>.attention`, `actors.<actor>.leverage`\n")
                .append("- `actors.<actor>.air_defence.<weapon>`, `actors.<actor>.arsenal.<weapon>.resupply`\n")
                .append("- `actors.<actor>.air_defence_routes.<region>.<weapon>` for each route override the actor declares\n")
                .append("- `actors.<actor>.rule.<parameter>` and `actors.<actor>.response.<parameter>`: any numeric parameter of the actor's rule kind ")
                .append("(true/false parameters take 1 or 0)\n")
                .append("- `relations.patronage.<proxy>.control`, `relations.patronage.<proxy>.compliance`\n")
                .append("- `relations.restraint.<restrainer>.strength` (every restraint entry of that restrainer)\n")
                .append("- `calendar.winter.tempo`, `calendar.winter.effectiveness` (1 and 1: no winter)\n")
                .append("\nThe classroom console's levers (`classroom.levers`) move the same paths while a run goes on.\n");
        return b.toString();
    }

    /** True when a default is a value one could write (a number, a boolean, a word of a choice), not a description. */
    private static boolean literal(Spec.Field f) {
        Object d = f.defaultValue();
        return d instanceof Number || d instanceof Boolean
                || (d instanceof String && (f.spec() instanceof Spec.Choice || f.spec() instanceof Spec.MonthDay));
    }

    /** A section of the reference: an object, and the list it is an item of when that list's items have ids. */
    private record Section(String path, Spec.Obj obj, Spec.ListOf list) { }

    private static void collect(String path, Spec spec, List<Section> out, Spec.ListOf keyedList) {
        if (spec instanceof Spec.Obj o) {
            out.add(new Section(path, o, keyedList));
            for (Spec.Field f : o.fields.values()) collect(Spec.join(path, f.name()), f.spec(), out, null);
        } else if (spec instanceof Spec.MapOf m) {
            collect(path + ".<" + m.keyKind.replace(" ids", "").replace(" ", "_") + ">", m.values, out, null);
        } else if (spec instanceof Spec.ListOf l) {
            collect(path + "[]", l.items, out, l.itemKey().isEmpty() ? null : l);
        } else if (spec instanceof Spec.Tagged t) {
            for (var e : t.variants.entrySet()) collect(path + " (kind: " + e.getKey() + ")", e.getValue(), out, null);
        }
    }

    private static final String MERGE_PROSE = """
            ## Changing one item of an inherited list

            A file with `extends:` need not copy a whole list to change one item of it. It writes the list as a \
            mapping with the single key `merge:`, holding only the items that change, each named by its id (the \
            key or keys of the table below):

            - an item with the id of one of the parent's items overrides that item key by key, in its place in the \
            list: its mappings merge, its lists are replaced, or changed in turn with `merge:`;
            - an item with a new id is added after the parent's items, in the order written;
            - an item with its id and `remove: true` removes the parent's item.

            A variant of the example above, written as `my-variant.yaml` beside `my-scenario.yaml`:

            ```yaml
            """;

    /** Extends {@link #EXAMPLE}; a test loads the two together from the reference. */
    private static final String MERGE_EXAMPLE = """
            extends: my-scenario.yaml
            name: my-variant
            actors:
              israel:
                actions:
                  merge:
                    - {id: strike_kh, salvo: 12}                 # changes one key of Israel's action strike_kh
                    - {id: warn_kh, rung: threat, target: kh}    # a new id: added after Israel's other actions
            thresholds:
              merge:
                - {id: israel_strikes_iraq, remove: true}        # removes the threshold
            """;

    private static final String MERGE_RULES = """
            A list written as a plain list still replaces the parent's whole. `merge:` is an error in a file without \
            `extends:` (and with `--set`), where the parent scenario has no such list, on a list whose items have no \
            id (the effects of an event, the nodes of the corridor), for an item without its id, for an id named \
            twice or held by more than one of the parent's items (`relations.restraint` may name a restrainer twice: \
            write that list whole), and for `remove: true` on an id the parent's list does not hold or with other keys. \
            A problem in a merged value names the file, line and column where the value was written.

            """;

    private static final String EXAMPLE = """
            name: my-scenario
            calendar: {start: 2024-09-27, end: 2025-03-31}
            weapons:
              drone: {name: "one-way attack drone", killed: 0.2, injured: 1.5}
              air_munition: {name: "precision air munition", killed: 1.0, injured: 2.0}
            actors:
              kh:
                name: "Kata'ib Hezbollah"
                kind: proxy
                alignment: axis
                arsenal: {drone: {stock: 60, resupply: 1}}
                beliefs: {israel: {alpha: 1, beta: 4}}
                actions:
                  - {id: strike_israel, rung: lethal_proxy_strike, target: israel, weapon: drone, salvo: 3}
                rule: {kind: utility, tempo: 0.6}
              israel:
                name: Israel
                kind: state
                alignment: western
                attention: 0.35
                arsenal: {air_munition: {stock: 10000, resupply: 100}}
                air_defence: {drone: 0.75}
                actions:
                  - {id: strike_kh, rung: iraq_strike, target: kh, weapon: air_munition, salvo: 6}
                response: {kind: graduated, answer_from: lethal_proxy_strike, reliability: 0.5, delay: 5}
            relations:
              adversaries:
                - {actor: kh, targets: [israel]}
                - {actor: israel, targets: [kh]}
            thresholds:
              - {id: israel_strikes_iraq, name: "Israel strikes Iraq", rung: iraq_strike, by: [israel]}
            """;
}
