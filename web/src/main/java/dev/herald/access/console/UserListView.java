package dev.herald.access.console;

import dev.herald.access.boundary.PasswordInput;
import dev.herald.access.boundary.UserInput;
import dev.herald.access.boundary.UserService;
import dev.herald.access.boundary.UserView;
import dev.herald.platform.boundary.ConflictException;
import dev.herald.platform.boundary.ExpectedVersion;
import dev.herald.platform.boundary.ForbiddenException;
import dev.herald.platform.boundary.NotFoundException;
import dev.herald.platform.boundary.Page;
import dev.herald.platform.boundary.StaleVersionException;
import dev.herald.platform.boundary.UnavailableException;
import dev.herald.platform.boundary.ValidationException;
import dev.herald.scopes.boundary.ScopeKindView;
import dev.herald.scopes.boundary.ScopeService;
import dev.herald.scopes.boundary.ScopeValueView;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.omnifaces.util.Components;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.primefaces.PrimeFaces;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * Users: searched and paged in the database; a new member of staff, or through the shortcut a new
 * partner with Collect Reports only; edit, set a password (told in person, never mailed), enable,
 * disable, unlock. The rules (who may assign which role, the last Super Administrator) are the
 * boundary's; their refusals are shown as they come.
 *
 * <p>An account's scope values (what reports bound to a kind show it) are chosen per kind from the
 * kind's values, searched as one types ({@link ScopeService#values}, at most {@value #SUGGESTED}
 * suggestions, so a kind with ten thousand values stays quick), and saved with the account. They are
 * saved before the account's other fields, so that a value the lookup no longer knows stops the
 * save before anything is changed.
 */
@Named
@ViewScoped
public class UserListView implements Serializable {

    private static final String FORM = "userForm:";
    private static final int SUGGESTED = 20;
    private static final Pattern SEARCH_BOX = Pattern.compile(":kinds:(\\d+):add$");

    @Inject
    UserService users;

    @Inject
    ScopeService scopeService;

    private String query;
    private LazyDataModel<UserView> model;

    private Long editingId;

    /** The version of the user as the dialog was opened (or last saved): a save over someone else's change is refused. */
    private long editingVersion;

    private boolean partner;
    private String username;
    private String displayName;
    private String email;
    private String password;
    private boolean enabled = true;
    private List<String> roles = new ArrayList<>();
    private List<String> assignable = List.of();

    /** The scope values in the dialog, by kind, each with its name; and what was held when it opened. */
    private Map<String, List<ScopeValueView>> scopes = new LinkedHashMap<>();

    private Map<String, List<String>> scopesBefore = Map.of();
    /** What is typed in each kind's search box. */
    private Map<String, String> adding = new HashMap<>();
    /** The names of the values last suggested, for the suggestions' labels. */
    private Map<String, String> suggestedNames = new HashMap<>();
    /** Why a kind's last search found nothing to suggest (its lookup failed), by kind. */
    private final Map<String, String> searchProblems = new HashMap<>();

    private List<ScopeKindView> kinds;

    private UserView passwordFor;
    private String newPassword;
    private boolean mustChange = true;

    @PostConstruct
    void init() {
        assignable = new ArrayList<>(users.assignableRoles());
        model = new LazyDataModel<>() {
            @Override
            public int count(Map<String, FilterMeta> filterBy) {
                return (int) users.search(query, null, 0, 1).total();
            }

            @Override
            public List<UserView> load(
                    int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
                Page<UserView> page = users.search(query, null, first / pageSize, pageSize);
                setRowCount((int) page.total());
                return page.items();
            }

            @Override
            public String getRowKey(UserView user) {
                return String.valueOf(user.id());
            }

            @Override
            public UserView getRowData(String rowKey) {
                return users.get(Long.parseLong(rowKey));
            }
        };
    }

    public void searchChanged() {
        DataTable table = Components.findComponent("users:table");
        if (table != null) {
            table.setFirst(0);
        }
    }

    public void newStaff() {
        clearForm();
        checkKinds();
        partner = false;
    }

    public void newPartner() {
        clearForm();
        checkKinds();
        partner = true;
    }

    public void edit(UserView user) {
        clearForm();
        checkKinds();
        editingId = user.id();
        editingVersion = user.version();
        partner = user.partner();
        username = user.username();
        displayName = user.displayName();
        email = user.email();
        enabled = user.enabled();
        roles = new ArrayList<>(user.roles());
        scopesBefore = user.scopes() == null ? Map.of() : user.scopes();
        for (Map.Entry<String, List<String>> entry : scopesBefore.entrySet()) {
            List<ScopeValueView> named;
            try {
                named = scopeService.named(entry.getKey(), entry.getValue());
            } catch (NotFoundException | UnavailableException e) {
                named = entry.getValue().stream()
                        .map(value -> new ScopeValueView(value, value))
                        .toList();
            }
            scopes.put(entry.getKey(), new ArrayList<>(named));
        }
    }

    /** The declared scope kinds, read once per view. */
    public List<ScopeKindView> getKinds() {
        if (kinds == null) {
            kinds = scopeService.list();
        }
        return kinds;
    }

    /**
     * The values of the kind whose search box asks (the box's place among the kinds, read from the
     * request's source, as PrimeFaces gives a completion method only what was typed) whose value or
     * name holds what is typed, at most {@value #SUGGESTED}.
     */
    public List<String> suggest(String typed) {
        String source = Faces.getRequestParameter("jakarta.faces.source");
        Matcher box = SEARCH_BOX.matcher(source == null ? "" : source);
        if (!box.find() || Integer.parseInt(box.group(1)) >= getKinds().size()) {
            return List.of();
        }
        return suggest(getKinds().get(Integer.parseInt(box.group(1))).kind(), typed);
    }

    /** The kind's values whose value or name holds what is typed, at most {@value #SUGGESTED}. */
    List<String> suggest(String kind, String typed) {
        searchProblems.remove(kind);
        try {
            List<ScopeValueView> found = scopeService.values(kind, typed, SUGGESTED);
            List<String> held = chosenValues(kind);
            found.forEach(value -> suggestedNames.put(kind + "\u0000" + value.value(), value.name()));
            return found.stream()
                    .map(ScopeValueView::value)
                    .filter(value -> !held.contains(value))
                    .toList();
        } catch (UnavailableException | NotFoundException | ValidationException e) {
            String message = e instanceof ValidationException invalid
                    ? invalid.errors().get(0).message()
                    : e.getMessage();
            searchProblems.put(kind, message);
            return List.of();
        }
    }

    /**
     * Asks each kind for one value as the dialog opens, so that a kind whose lookup fails now says
     * so beside its search box (which is then off) instead of suggesting nothing. Answers are kept a
     * minute by the boundary, so this costs a query only when a kind was not asked lately.
     */
    private void checkKinds() {
        searchProblems.clear();
        for (ScopeKindView kind : getKinds()) {
            try {
                scopeService.values(kind.kind(), null, 1);
            } catch (UnavailableException | NotFoundException e) {
                searchProblems.put(kind.kind(), e.getMessage());
            }
        }
    }

    /** Why a kind's values cannot be searched now; null when they can. */
    public String searchProblem(String kind) {
        return searchProblems.get(kind);
    }

    /**
     * What a kind's search box says when it suggests nothing: why, when the kind's values could not
     * be read (its lookup failed), else that nothing matches.
     */
    public String emptyMessage(String kind) {
        String problem = searchProblems.get(kind);
        return problem == null ? "No value matches" : problem;
    }

    /** A suggestion's label: its name, and its value when the two differ. */
    public String suggestionLabel(String kind, String value) {
        if (value == null) {
            return ""; // the empty search box, as the page is drawn
        }
        String name = suggestedNames.getOrDefault(kind + "\u0000" + value, value);
        return name.equals(value) ? name : name + " (" + value + ")";
    }

    /** The value picked in a kind's search box joins the kind's values; the box is emptied. */
    public void addScope(String kind) {
        String value = adding.remove(kind);
        if (value == null || value.isBlank() || chosenValues(kind).contains(value)) {
            return;
        }
        String name = suggestedNames.getOrDefault(kind + "\u0000" + value, value);
        scopes.computeIfAbsent(kind, k -> new ArrayList<>()).add(new ScopeValueView(value, name));
    }

    public void removeScope(String kind, String value) {
        List<ScopeValueView> held = scopes.get(kind);
        if (held != null) {
            held.removeIf(scope -> scope.value().equals(value));
        }
    }

    public List<ScopeValueView> chosen(String kind) {
        return scopes.getOrDefault(kind, List.of());
    }

    private List<String> chosenValues(String kind) {
        return chosen(kind).stream().map(ScopeValueView::value).toList();
    }

    /** The values as the boundary takes them, kinds without a value left out. */
    private Map<String, List<String>> scopesToSave() {
        Map<String, List<String>> values = new java.util.TreeMap<>();
        scopes.forEach((kind, list) -> {
            if (!list.isEmpty()) {
                values.put(kind, list.stream().map(ScopeValueView::value).toList());
            }
        });
        return values;
    }

    /**
     * Saves the scope values when they changed; false (with the problems on the dialog's fields)
     * when the boundary refused them.
     */
    private boolean saveScopes(long id) {
        Map<String, List<String>> wanted = scopesToSave();
        if (wanted.equals(new java.util.TreeMap<>(scopesBefore))) {
            return true;
        }
        try {
            users.setScopes(id, wanted, Faces.getRemoteAddr());
            scopesBefore = wanted;
            return true;
        } catch (ValidationException e) {
            e.errors().forEach(error -> Messages.addError(FORM + "scopes", error.message()));
        } catch (UnavailableException | ForbiddenException | NotFoundException e) {
            Messages.addError(FORM + "scopes", e.getMessage());
        }
        Faces.validationFailed();
        return false;
    }

    public void save() {
        try {
            UserView saved;
            if (editingId != null) {
                // The account first, against the version the dialog was opened with; its scopes after.
                saved = users.update(
                        editingId,
                        new UserInput(null, displayName, email, null, enabled, null, roles),
                        ExpectedVersion.of(editingVersion),
                        Faces.getRemoteAddr());
                editingVersion = saved.version();
                if (!saveScopes(editingId)) {
                    return;
                }
            } else if (partner) {
                saved = users.createPartner(
                        new UserInput(username, displayName, email, password, true, true, null), Faces.getRemoteAddr());
            } else {
                saved = users.create(
                        new UserInput(username, displayName, email, password, enabled, true, roles),
                        Faces.getRemoteAddr());
            }
            if (editingId == null && !scopesToSave().isEmpty()) {
                editingId = saved.id();
                if (!saveScopes(saved.id())) {
                    Messages.addError(
                            FORM + "scopes",
                            saved.username() + " is created without these values; correct them and save again.");
                    password = null;
                    return;
                }
                Messages.addGlobalInfo(
                        "{0} is created. Tell them their password in person; they choose their own at first sign-in.",
                        saved.username());
                password = null;
                PrimeFaces.current().executeScript("PF('userDialog').hide()");
                return;
            }
            Messages.addGlobalInfo(
                    editingId == null
                            ? "{0} is created. Tell them their password in person; they choose their own at first sign-in."
                            : "{0} is saved.",
                    saved.username());
            password = null;
            PrimeFaces.current().executeScript("PF('userDialog').hide()");
        } catch (ValidationException e) {
            e.errors().forEach(error -> Messages.addError(FORM + error.field(), error.message()));
            Faces.validationFailed();
        } catch (StaleVersionException e) {
            // What was typed stays in the dialog; the next Save is made against their version, knowingly.
            editingVersion = e.currentVersion();
            Messages.addError(
                    FORM + "problem",
                    "This user was changed by someone else since you opened it; nothing was saved, and your"
                            + " changes are still here. Press Save again to replace their change with yours, or"
                            + " Cancel and open the user again to see theirs.");
            Faces.validationFailed();
        } catch (ForbiddenException | ConflictException | NotFoundException e) {
            Messages.addGlobalError(e.getMessage());
            Faces.validationFailed();
        }
    }

    public void preparePassword(UserView user) {
        passwordFor = user;
        newPassword = null;
        mustChange = true;
    }

    public void applyPassword() {
        try {
            users.setPassword(passwordFor.id(), new PasswordInput(newPassword, mustChange), Faces.getRemoteAddr());
            Messages.addGlobalInfo("The password of {0} is set. Tell it to them in person.", passwordFor.username());
            PrimeFaces.current().executeScript("PF('passwordDialog').hide()");
        } catch (ValidationException e) {
            e.errors().forEach(error -> Messages.addError("passwordForm:newPassword", error.message()));
            Faces.validationFailed();
        } catch (ForbiddenException | NotFoundException e) {
            Messages.addGlobalError(e.getMessage());
            Faces.validationFailed();
        } finally {
            newPassword = null;
        }
    }

    public void enable(UserView user) {
        act(() -> users.setEnabled(user.id(), true, Faces.getRemoteAddr()), user.username() + " can sign in again.");
    }

    public void disable(UserView user) {
        act(() -> users.setEnabled(user.id(), false, Faces.getRemoteAddr()), user.username() + " is disabled.");
    }

    public void unlock(UserView user) {
        act(
                () -> users.unlock(user.id(), Faces.getRemoteAddr()),
                user.username() + " is unlocked: their sign-in blocks are lifted.");
    }

    private void act(Runnable action, String done) {
        try {
            action.run();
            Messages.addGlobalInfo(done);
        } catch (ForbiddenException | ConflictException | NotFoundException e) {
            Messages.addGlobalError(e.getMessage());
        }
    }

    private void clearForm() {
        editingId = null;
        username = null;
        displayName = null;
        email = null;
        password = null;
        enabled = true;
        roles = new ArrayList<>();
        scopes = new LinkedHashMap<>();
        scopesBefore = Map.of();
        adding = new HashMap<>();
    }

    public Map<String, String> getAdding() {
        return adding;
    }

    public boolean isEditing() {
        return editingId != null;
    }

    public boolean isPartner() {
        return partner;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public LazyDataModel<UserView> getModel() {
        return model;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public List<String> getRoles() {
        return roles;
    }

    public void setRoles(List<String> roles) {
        this.roles = roles;
    }

    public List<String> getAssignable() {
        return assignable;
    }

    public UserView getPasswordFor() {
        return passwordFor;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public boolean isMustChange() {
        return mustChange;
    }

    public void setMustChange(boolean mustChange) {
        this.mustChange = mustChange;
    }
}
