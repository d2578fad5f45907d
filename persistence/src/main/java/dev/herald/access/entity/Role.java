package dev.herald.access.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/** A named set of permissions, built in or made by staff, and the roles its holders may assign. */
@Entity
@Table(name = "app_role")
@NamedQuery(name = Role.BY_NAME, query = "SELECT r FROM Role r WHERE r.name = :name")
@NamedQuery(name = Role.ALL, query = "SELECT r FROM Role r ORDER BY r.builtIn DESC, r.name")
@NamedQuery(name = Role.HOLDERS, query = "SELECT COUNT(u) FROM UserAccount u JOIN u.roles r WHERE r = :role")
public class Role {

    public static final String BY_NAME = "Role.byName";
    public static final String ALL = "Role.all";
    public static final String HOLDERS = "Role.holders";

    public static final String SUPER_ADMINISTRATOR = "Super Administrator";
    public static final String ADMINISTRATOR = "Administrator";
    public static final String COLLECT_REPORTS = "Collect Reports";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 100)
    private String name;

    @Column(length = 500)
    private String description;

    @Column(name = "built_in", nullable = false)
    private boolean builtIn;

    @Column(name = "manage_all_roles", nullable = false)
    private boolean manageAllRoles;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "role_permission", joinColumns = @JoinColumn(name = "role_id"))
    @Column(name = "permission", nullable = false)
    @Enumerated(EnumType.STRING)
    private Set<Permission> permissions = EnumSet.noneOf(Permission.class);

    @ManyToMany
    @JoinTable(
            name = "role_assignable_role",
            joinColumns = @JoinColumn(name = "role_id"),
            inverseJoinColumns = @JoinColumn(name = "assignable_role_id"))
    private Set<Role> assignableRoles = new HashSet<>();

    @Version
    private long version;

    protected Role() {}

    public Role(String name, String description) {
        this.name = name;
        this.description = description;
    }

    public Long getId() {
        return id;
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

    public boolean isBuiltIn() {
        return builtIn;
    }

    public boolean isManageAllRoles() {
        return manageAllRoles;
    }

    public void setManageAllRoles(boolean manageAllRoles) {
        this.manageAllRoles = manageAllRoles;
    }

    public Set<Permission> getPermissions() {
        return permissions;
    }

    public Set<Role> getAssignableRoles() {
        return assignableRoles;
    }

    public long getVersion() {
        return version;
    }
}
