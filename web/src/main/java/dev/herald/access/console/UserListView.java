package dev.herald.access.console;

import dev.herald.access.boundary.PasswordInput;
import dev.herald.access.boundary.UserInput;
import dev.herald.access.boundary.UserService;
import dev.herald.access.boundary.UserView;
import dev.herald.platform.boundary.ConflictException;
import dev.herald.platform.boundary.ForbiddenException;
import dev.herald.platform.boundary.NotFoundException;
import dev.herald.platform.boundary.Page;
import dev.herald.platform.boundary.ValidationException;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 */
@Named
@ViewScoped
public class UserListView implements Serializable {

    private static final String FORM = "userForm:";

    @Inject
    UserService users;

    private String query;
    private LazyDataModel<UserView> model;

    private Long editingId;
    private boolean partner;
    private String username;
    private String displayName;
    private String email;
    private String password;
    private boolean enabled = true;
    private List<String> roles = new ArrayList<>();
    private List<String> assignable = List.of();

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
        partner = false;
    }

    public void newPartner() {
        clearForm();
        partner = true;
    }

    public void edit(UserView user) {
        clearForm();
        editingId = user.id();
        partner = user.partner();
        username = user.username();
        displayName = user.displayName();
        email = user.email();
        enabled = user.enabled();
        roles = new ArrayList<>(user.roles());
    }

    public void save() {
        try {
            UserView saved;
            if (editingId != null) {
                saved = users.update(
                        editingId,
                        new UserInput(null, displayName, email, null, enabled, null, roles),
                        Faces.getRemoteAddr());
            } else if (partner) {
                saved = users.createPartner(
                        new UserInput(username, displayName, email, password, true, true, null), Faces.getRemoteAddr());
            } else {
                saved = users.create(
                        new UserInput(username, displayName, email, password, enabled, true, roles),
                        Faces.getRemoteAddr());
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
