// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title The part of AuditRegistry that treasury governance uses
/// @notice Accepted proposals appoint and dismiss audit managers; the registry lets its `governance` do both.
interface IAuditRegistry {
    /// @notice Appoints a manager with a public contact (1..100 bytes), or updates a current one's contact. The
    /// registry's owner or governance.
    function appoint_manager(address account, string calldata contact) external;

    /// @notice Dismisses a current manager. The registry's owner or governance.
    function dismiss_manager(address account) external;

    /// @notice Whether `account` is a current manager.
    function is_manager(address account) external view returns (bool);

    /// @notice The governance contract allowed to appoint and dismiss managers (zero until the owner sets it).
    function governance() external view returns (address);
}
