package escalation.classroom;

import escalation.model.RunRecord;
import escalation.model.World;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A SHA-256 of a run's state: its day, its record (daily level, every per-pair count, thresholds
 * crossed) and each actor's grievances, beliefs, stocks and propensity, bit for bit. A replayed session
 * has the fingerprint of the session it replays when, and only when, it followed the same path.
 */
final class StateFingerprint {
    private StateFingerprint() { }

    static String of(World w) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        RunRecord r = w.record;
        ByteBuffer b = ByteBuffer.allocate(8);
        md.update(b.putInt(0, w.day).array(), 0, 4);
        md.update(r.dailyLevel);
        for (int[] counts : new int[][] {r.attacks, r.weapons, r.intercepted, r.reached, r.claims, r.hits, r.killed,
                r.injured, r.signals, r.thresholdDay, r.weeklyAttacks}) {
            for (int v : counts) md.update(b.putInt(0, v).array(), 0, 4);
        }
        int n = w.theatre.actors;
        for (int i = 0; i < n; i++) {
            md.update(b.putDouble(0, w.propensity(i)).array());
            md.update(b.putDouble(0, w.pressure(i)).array());
            for (int j = 0; j < n; j++) {
                md.update(b.putDouble(0, w.grievance(i, j)).array());
                md.update(b.putDouble(0, w.beliefs.alpha(i, j)).array());
                md.update(b.putDouble(0, w.beliefs.beta(i, j)).array());
                md.update(b.putDouble(0, w.beliefs.severity(i, j)).array());
            }
            for (int k = 0; k < w.theatre.weapons; k++) md.update(b.putDouble(0, w.stock(i, k)).array());
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
