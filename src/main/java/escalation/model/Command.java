package escalation.model;

/**
 * The command of each actor: the share of its capacity to organise attacks left after strikes on its
 * leaders. A hit on leaders removes {@code dynamics.decapitation_loss} of what is left, and each day
 * {@code dynamics.command_recovery} of the loss is regained; the actor's intensity of action is
 * multiplied by its command. Leadership decapitation lowers the intensity of militant campaigns for a
 * while without ending them (Johnston, "Does Decapitation Work?", International Security 36(4), 2012;
 * Jordan, "When Heads Roll", Security Studies 18(4), 2009, on organisations that survive and recover).
 */
public final class Command {
    private final double[] command;
    private boolean degraded;

    Command(int actors) {
        command = new double[actors];
        java.util.Arrays.fill(command, 1);
    }

    void strikeLeaders(int actor, double loss) {
        command[actor] *= 1 - loss;
        degraded = true;
    }

    /** One day's recovery; false when every actor's command is whole (nothing changes any more). */
    boolean recover(double rate) {
        if (!degraded) return false;
        boolean any = false;
        for (int i = 0; i < command.length; i++) {
            if (command[i] < 1) {
                command[i] = 1 - (1 - command[i]) * (1 - rate);
                if (command[i] > 1 - 1e-9) command[i] = 1;
                any |= command[i] < 1;
            }
        }
        degraded = any;
        return true;
    }

    public double of(int actor) {
        return command[actor];
    }
}
