// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @notice A hostile stand-in for CallistoFS, for tests of the audit archive: `upload` and `withdraw` re-enter a
/// target once with prepared calldata (counting whether the re-entry failed), `file` reports every upload as
/// expired, and `withdraw` sends the deposit back. The real file system never calls back; this shows that the
/// archive and the registry hold even if it did.
contract ReentrantFileSystem {
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
        uint8 status;
    }

    address public target;
    bytes public reenter_data;
    uint256 public reentries;
    uint256 public failed_reentries;
    /// @dev The revert data of the latest failed re-entry, so a test can read its reason.
    bytes public last_failure;
    uint256[] private _deposits;

    function configure(address _target, bytes calldata _reenter_data) external {
        target = _target;
        reenter_data = _reenter_data;
        reentries = 0;
    }

    function upload(string calldata, uint256, string calldata) external payable returns (uint256 id) {
        id = _deposits.length;
        _deposits.push(msg.value);
        _reenter();
    }

    function withdraw(uint256 id) external {
        uint256 deposit = _deposits[id];
        _deposits[id] = 0;
        _reenter();
        (bool ok, ) = msg.sender.call{value: deposit}("");
        require(ok, "ReentrantFileSystem: transfer failed");
    }

    /// @dev Every file reads as expired (status 2), so the archive may release it.
    function file(uint256 id) external view returns (FileEntry memory f) {
        f.id = id;
        f.owner = msg.sender;
        f.deposit = _deposits[id];
        f.status = 2;
    }

    function _reenter() private {
        if (reenter_data.length == 0 || reentries > 0) return;
        reentries += 1;
        (bool ok, bytes memory ret) = target.call(reenter_data);
        if (!ok) {
            failed_reentries += 1;
            last_failure = ret;
        }
    }
}
