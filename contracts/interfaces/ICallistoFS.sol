// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title The part of CallistoFS that treasury governance uses
/// @notice Accepted proposals elect and remove IPFS host nodes and change the storage prices; the file system lets
/// its `governance` do all three.
interface ICallistoFS {
    /// @notice Elects a host node with its endpoint (http:// or https://, 1..256 bytes) and capacity in MB.
    function add_host_node(address node, string calldata endpoint, uint64 capacity_mb) external;

    /// @notice Removes an elected host node.
    function remove_host_node(address node) external;

    /// @notice Sets the unit and floor prices, wei per MB (floor above zero).
    function set_prices(uint256 unit, uint256 floor) external;

    /// @notice The current unit price, wei per MB.
    function unit_price() external view returns (uint256);

    /// @notice The current floor price, wei per MB.
    function floor_price() external view returns (uint256);

    /// @notice Whether `node` is an elected host node.
    function is_host_node(address node) external view returns (bool);

    /// @notice The governance contract allowed to change nodes and prices (zero until the owner sets it).
    function governance() external view returns (address);
}
