package dev.herald.testing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** Stops the shared server when the test run ends. */
public class StopServerAtEnd implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        HeraldServer.stopIfStarted();
    }
}
