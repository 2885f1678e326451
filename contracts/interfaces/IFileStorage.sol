// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title The part of CallistoFS that the audit registry uses to keep revealed reports
/// @notice The registry stores each revealed `ipfs://<cid>` report as a file it owns, so that no single person can
/// withdraw the archive copy; it withdraws only an upload no host node confirmed in time.
interface IFileStorage {
    /// @dev As CallistoFS.FileStatus.
    enum FileStatus {
        Pending,
        Counted,
        Expired,
        Withdrawn
    }

    /// @dev As CallistoFS.FileEntry (same fields, same order: the ABI decodes one as the other).
    struct FileEntry {
        uint256 id;
        address owner;
        uint64 uploaded_at;
        uint32 confirmations;
        string cid;
        string path;
        uint256 size;
        uint256 deposit;
        uint64 withdrawn_at;
        uint64 expires_at;
        FileStatus status;
    }

    /// @notice Records `cid` of `size` bytes at `path` under the sender's home directory, holding the whole
    /// msg.value (at least `quote(size)`) as its deposit.
    function upload(string calldata cid, uint256 size, string calldata path) external payable returns (uint256 id);

    /// @notice Returns the whole deposit of a file to its owner (the sender), once.
    function withdraw(uint256 id) external;

    /// @notice A file's record.
    function file(uint256 id) external view returns (FileEntry memory);
}
