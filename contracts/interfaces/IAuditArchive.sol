// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title The part of AuditArchive that the audit registry uses
/// @notice The registry hands each revealed `ipfs://<cid>` report to its archive, which stores it on the Callisto
/// File System as its own file.
interface IAuditArchive {
    /// @notice The registry this archive serves (the only caller of `store`).
    function registry() external view returns (address);

    /// @notice Uploads the report the registry just revealed (its `ipfs://<cid>` link read back from the registry),
    /// `size` bytes, as the archive's own file with msg.value as its deposit, refundable to `paid_by` if no host
    /// node confirms it in time. Only the registry, at reveal.
    function store(uint256 request_id, address auditor, address paid_by, uint256 size) external payable;
}
