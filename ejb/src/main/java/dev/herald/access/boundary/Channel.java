package dev.herald.access.boundary;

/** Where a sign-in comes from. Interactive sign-ins are audited when they succeed; API calls only when they fail. */
public enum Channel {
    CONSOLE,
    PORTAL,
    API;

    public boolean isInteractive() {
        return this != API;
    }
}
