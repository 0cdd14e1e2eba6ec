package escalation.cli;
public class EscalationCommand { public static void main(String[] a){} }
