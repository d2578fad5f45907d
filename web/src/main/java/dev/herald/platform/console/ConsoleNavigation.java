package dev.herald.platform.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.omnifaces.util.Faces;

/**
 * Where a console page sits: the one navigation item it highlights and its breadcrumbs, both read
 * from one table of pages so that the two never disagree. A page missing from the table highlights
 * nothing and shows "Home" then its own title; add new pages here.
 */
@Named
@RequestScoped
public class ConsoleNavigation {

    /** One step of the breadcrumbs; {@code outcome} is null for a group (no page of its own) and the page itself. */
    public record Crumb(String label, String outcome) {}

    /** A console page: the navigation item it belongs to, its group, and its name in the breadcrumbs. */
    record Place(String item, String group, String label, String parentLabel, String parentOutcome) {
        Place(String item, String group, String label) {
            this(item, group, label, null, null);
        }
    }

    static final String HOME = "/console/index";

    private static final Map<String, Place> PLACES = Map.ofEntries(
            Map.entry("/console/index.xhtml", new Place("home", null, null)),
            Map.entry("/console/reports.xhtml", new Place("reports", "Reports", "Report Explorer")),
            Map.entry("/console/sql-reports.xhtml", new Place("sqlReports", "Reports", "SQL reports")),
            Map.entry("/console/summary-reports.xhtml", new Place("summaries", "Reports", "Summary reports")),
            Map.entry("/console/usage-reports.xhtml", new Place("usageReports", "Reports", "Usage reports")),
            Map.entry("/console/schedules.xhtml", new Place("schedules", "Schedules", "Report schedules")),
            Map.entry(
                    "/console/schedule.xhtml",
                    new Place("schedules", "Schedules", null, "Report schedules", "/console/schedules")),
            Map.entry("/console/runs.xhtml", new Place("runs", "Schedules", "Run history")),
            Map.entry("/console/scheduled-tasks.xhtml", new Place("tasks", "Schedules", "Scheduled tasks")),
            Map.entry("/console/tenants.xhtml", new Place("tenants", "Partners", "Tenants")),
            Map.entry("/console/users.xhtml", new Place("users", "Administration", "Users")),
            Map.entry("/console/roles.xhtml", new Place("roles", "Administration", "Roles")),
            Map.entry("/console/audit.xhtml", new Place("audit", "Administration", "Audit log")),
            Map.entry("/console/settings.xhtml", new Place("settings", "Administration", "Settings")),
            Map.entry("/console/scope-kinds.xhtml", new Place("scopeKinds", "Administration", "Scope kinds")),
            Map.entry("/console/tokens.xhtml", new Place("tokens", "Administration", "API tokens")),
            Map.entry("/console/password.xhtml", new Place("account", null, "Change your password")));

    private final String viewId;
    private final boolean editing;

    public ConsoleNavigation() {
        this(currentViewId(), Faces.getRequestParameter("id") != null);
    }

    ConsoleNavigation(String viewId, boolean editing) {
        this.viewId = viewId;
        this.editing = editing;
    }

    private static String currentViewId() {
        var view = Faces.getContext() == null ? null : Faces.getViewRoot();
        return view == null ? null : view.getViewId();
    }

    /** Whether the navigation item with this key is the current page's (exactly one, or none on an unknown page). */
    public boolean isCurrent(String item) {
        Place place = place();
        return place != null && place.item().equals(item);
    }

    /** {@code "page"} for the current item, for aria-current; null (no attribute) otherwise. */
    public String ariaCurrent(String item) {
        return isCurrent(item) ? "page" : null;
    }

    /** Home, the group, the parent list (the wizard's), then the page itself (not a link). */
    public List<Crumb> getCrumbs() {
        List<Crumb> crumbs = new ArrayList<>();
        Place place = place();
        if (place != null && place.item().equals("home")) {
            crumbs.add(new Crumb("Home", null));
            return crumbs;
        }
        crumbs.add(new Crumb("Home", HOME));
        if (place == null) {
            return crumbs;
        }
        if (place.group() != null) {
            crumbs.add(new Crumb(place.group(), null));
        }
        if (place.parentLabel() != null) {
            crumbs.add(new Crumb(place.parentLabel(), place.parentOutcome()));
        }
        crumbs.add(new Crumb(label(place), null));
        return crumbs;
    }

    /** Whether the page is in the table; an unknown page's title is its own last crumb. */
    public boolean isKnown() {
        return place() != null;
    }

    private Place place() {
        return viewId == null ? null : PLACES.get(viewId);
    }

    private String label(Place place) {
        if (place.label() != null) {
            return place.label();
        }
        return editing ? "Edit report schedule" : "New report schedule";
    }
}
