package escalation.model;

/**
 * Why an actor did what it did: the rule, the inputs it read, and the probability the action was
 * drawn against. Built only when someone observes the run, so batches pay nothing for it.
 */
public record Decision(String rule, String[] inputNames, double[] inputValues, double probability, double draw) {

    public static Decision of(String rule, double probability, double draw, Object... namesAndValues) {
        String[] names = new String[namesAndValues.length / 2];
        double[] values = new double[names.length];
        for (int i = 0; i < names.length; i++) {
            names[i] = (String) namesAndValues[2 * i];
            values[i] = ((Number) namesAndValues[2 * i + 1]).doubleValue();
        }
        return new Decision(rule, names, values, probability, draw);
    }

    /** The value of a named input, or NaN. */
    public double input(String name) {
        for (int i = 0; i < inputNames.length; i++) {
            if (inputNames[i].equals(name)) return inputValues[i];
        }
        return Double.NaN;
    }
}
