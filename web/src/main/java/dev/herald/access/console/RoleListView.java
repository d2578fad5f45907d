package dev.herald.access.console;

import dev.herald.access.boundary.PermissionView;
import dev.herald.access.boundary.RoleInput;
import dev.herald.access.boundary.RoleService;
import dev.herald.access.boundary.RoleView;
import dev.herald.platform.boundary.ConflictException;
import dev.herald.platform.boundary.ExpectedVersion;
import dev.herald.platform.boundary.ForbiddenException;
import dev.herald.platform.boundary.NotFoundException;
import dev.herald.platform.boundary.StaleVersionException;
import dev.herald.platform.boundary.ValidationException;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.primefaces.PrimeFaces;

/**
 * Roles: the built-in three and the custom ones, with their permissions, what their holders may
 * assign and how many hold them. Holders of Manage Roles make, change and delete roles; the boundary
 * keeps them within what they may hand out, and its refusals are shown as they come.
 */
@Named
@ViewScoped
public class RoleListView implements Serializable {

    private static final String FORM = "roleForm:";

    @Inject
    RoleService roleService;

    private List<RoleView> roles;
    private List<PermissionView> permissions;
    private Map<String, String> permissionLabels;

    private Long editingId;
    /** The version of the role the dialog opened; saving over a later one is refused (issue 20). */
    private long editingVersion;

    private boolean editingBuiltIn;
    private String name;
    private String description;
    private List<String> chosenPermissions = new ArrayList<>();
    private boolean manageAllRoles;
    private List<String> assignableRoles = new ArrayList<>();

    @PostConstruct
    void init() {
        permissions = roleService.permissions();
        permissionLabels = permissions.stream()
                .collect(Collectors.toMap(PermissionView::name, PermissionView::label, (a, b) -> a));
        reload();
    }

    private void reload() {
        roles = roleService.list();
    }

    public void newRole() {
        editingId = null;
        editingBuiltIn = false;
        name = null;
        description = null;
        chosenPermissions = new ArrayList<>();
        manageAllRoles = false;
        assignableRoles = new ArrayList<>();
    }

    public void edit(RoleView role) {
        editingId = role.id();
        editingVersion = role.version();
        editingBuiltIn = role.builtIn();
        name = role.name();
        description = role.description();
        chosenPermissions = new ArrayList<>(role.permissions());
        manageAllRoles = role.manageAllRoles();
        assignableRoles = new ArrayList<>(role.assignableRoles());
    }

    public void save() {
        RoleInput input = new RoleInput(name, description, chosenPermissions, manageAllRoles, assignableRoles);
        try {
            RoleView saved = editingId == null
                    ? roleService.create(input, Faces.getRemoteAddr())
                    : roleService.update(editingId, input, ExpectedVersion.of(editingVersion), Faces.getRemoteAddr());
            Messages.addGlobalInfo("The role {0} is saved.", saved.name());
            reload();
            PrimeFaces.current().executeScript("PF('roleDialog').hide()");
        } catch (ValidationException e) {
            e.errors().forEach(error -> Messages.addError(FORM + fieldOf(error.field()), error.message()));
            Faces.validationFailed();
        } catch (StaleVersionException e) {
            // What was typed stays in the dialog; the next Save is made against their version, knowingly.
            editingVersion = e.currentVersion();
            Messages.addError(
                    FORM + "problem",
                    "This role was changed by someone else since you opened it; nothing was saved, and your"
                            + " changes are still here. Press Save again to replace their change with yours, or"
                            + " Cancel and open the role again to see theirs.");
            reload();
            Faces.validationFailed();
        } catch (ForbiddenException | ConflictException | NotFoundException e) {
            Messages.addError(FORM + "problem", e.getMessage());
            Faces.validationFailed();
        }
    }

    /** Boundary fields are named as in the API; a list's entry ("permissions[2]") lands on the list. */
    private static String fieldOf(String field) {
        int bracket = field.indexOf('[');
        return bracket < 0 ? field : field.substring(0, bracket);
    }

    public void delete(RoleView role) {
        try {
            roleService.delete(role.id(), ExpectedVersion.of(role.version()), Faces.getRemoteAddr());
            Messages.addGlobalInfo("The role {0} is deleted.", role.name());
            reload();
        } catch (StaleVersionException e) {
            reload();
            Messages.addGlobalError(
                    "The role {0} was changed by someone else since this list was shown, so it was not deleted."
                            + " Look at it again; delete it again if it should still go.",
                    role.name());
        } catch (ForbiddenException | ConflictException | NotFoundException e) {
            Messages.addGlobalError(e.getMessage());
        }
    }

    public String labels(List<String> permissionNames) {
        return permissionNames.stream()
                .map(permission -> permissionLabels.getOrDefault(permission, permission))
                .collect(Collectors.joining(", "));
    }

    public List<String> getOtherRoleNames() {
        return roles.stream()
                .map(RoleView::name)
                .filter(role -> !role.equals(name))
                .toList();
    }

    public List<RoleView> getRoles() {
        return roles;
    }

    public List<PermissionView> getPermissions() {
        return permissions;
    }

    public boolean isEditing() {
        return editingId != null;
    }

    public boolean isEditingBuiltIn() {
        return editingBuiltIn;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public List<String> getChosenPermissions() {
        return chosenPermissions;
    }

    public void setChosenPermissions(List<String> chosenPermissions) {
        this.chosenPermissions = chosenPermissions;
    }

    public boolean isManageAllRoles() {
        return manageAllRoles;
    }

    public void setManageAllRoles(boolean manageAllRoles) {
        this.manageAllRoles = manageAllRoles;
    }

    public List<String> getAssignableRoles() {
        return assignableRoles;
    }

    public void setAssignableRoles(List<String> assignableRoles) {
        this.assignableRoles = assignableRoles;
    }
}
