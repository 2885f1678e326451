// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IFileStorage} from "./interfaces/IFileStorage.sol";

/// @notice The views of AuditRegistry the archive reads: who is a manager, and a report's revealed link.
interface IAuditRegistryReports {
    /// @dev As AuditRegistry.Report (same fields, same order).
    struct Report {
        address auditor;
        bytes32 commitment;
        bool signed;
        bool revealed;
        bool late;
        uint256 errors;
        uint256 karma;
        string link;
        uint256 committed_at;
        string envelope_cid;
    }

    function is_manager(address account) external view returns (bool);

    function get_reports(uint256 request_id) external view returns (Report[] memory);
}

/// @title The audit archive: revealed audit reports kept on the Callisto File System
/// @notice When a manager reveals a report whose link is `ipfs://<cid>`, the audit registry passes the manager's
/// payment here, and this contract uploads the report to the file system as its own file, with that payment as the
/// deposit. It has no owner and no function that withdraws a file a host node confirmed: once stored, the archive
/// copy stays on the elected host nodes for as long as the file system runs, and no one (the manager who paid, the
/// registry's owner, governance) can take it off.
///
/// @dev One contract for one registry and one file system, both fixed at deployment. It lives beside the registry
/// rather than in it because the registry's code is near EIP-170's 24,576-byte limit.
///
/// Storing. `store` (the registry, inside `reveal_report`) and `store_again` (a manager) read the revealed link back
/// from the registry, so the archive holds only what the registry lists: the CID is the one the auditor committed
/// to, and the host nodes confirm content of exactly the declared size under it. The file's path under this
/// contract's home directory is `audits/<request id>/<auditor, lowercase hex>.report`.
///
/// An upload no host node confirms. A manager may give a wrong size, or never send the content: the file system
/// then expires the upload after its pending window (a day). Anyone may then `release` it: this contract withdraws
/// that deposit (the only withdrawal it ever makes, and only of an upload the file system will never count) and
/// owes it to the manager who paid it, who takes it with `withdraw_refund` (a pull, so that a payer that refuses
/// CLO cannot block the release). The report may then be stored again, by any manager, with a new deposit.
///
/// Money. The balance is exactly the refunds owed (`refunds_owed`): deposits go straight to the file system, and
/// the only CLO this contract accepts is a released deposit coming back, inside `release`.
contract AuditArchive {
    /// @notice The archive copy of a report.
    struct Archive {
        /// @dev Whether the archive holds a file for the report now (false before, and after a release).
        bool stored;
        /// @dev The file's id in the file system (the latest one after a release).
        uint256 file_id;
        /// @dev The manager whose payment is (or was) the file's deposit.
        address paid_by;
    }

    event ReportArchived(
        uint256 indexed request_id,
        address indexed auditor,
        uint256 indexed file_id,
        address paid_by,
        uint256 deposit
    );
    event ArchiveReleased(
        uint256 indexed request_id,
        address indexed auditor,
        uint256 indexed file_id,
        address paid_by,
        uint256 refund
    );
    event RefundWithdrawn(address indexed account, uint256 amount);

    /// @notice The audit registry whose revealed reports this archive keeps.
    address public immutable registry;
    /// @notice The Callisto File System that holds the files.
    address public immutable file_system;

    /// @notice Deposits of released uploads owed to the managers who paid them, and their sum (the balance).
    mapping(address => uint256) public refund_of;
    uint256 public refunds_owed;

    mapping(uint256 => mapping(address => Archive)) private _archives;
    uint256 private _entered = 1;

    modifier nonReentrant() {
        require(_entered == 1, "AuditArchive: reentrant call");
        _entered = 2;
        _;
        _entered = 1;
    }

    /// @param _registry The AuditRegistry this archive serves.
    /// @param _file_system The CallistoFS that holds the files.
    constructor(address _registry, address _file_system) {
        require(_registry.code.length > 0, "AuditArchive: the registry is not a contract");
        require(_file_system.code.length > 0, "AuditArchive: the file system is not a contract");
        registry = _registry;
        file_system = _file_system;
    }

    /// @notice Only a released deposit coming back from the file system, inside `release`.
    receive() external payable {
        require(msg.sender == file_system && _entered == 2, "AuditArchive: send no CLO here");
    }

    /// @notice Stores the report the registry has just revealed, `size` bytes, with msg.value as its deposit
    /// (at least the file system's quote), refundable to `paid_by` should no host node confirm it. Only the
    /// registry, from `reveal_report`.
    function store(uint256 request_id, address auditor, address paid_by, uint256 size) external payable nonReentrant {
        require(msg.sender == registry, "AuditArchive: only the registry stores at reveal");
        _store(request_id, auditor, paid_by, size);
    }

    /// @notice Stores a revealed `ipfs://<cid>` report that has no archive copy now: its upload was released, or
    /// it was revealed before this archive was set. A manager of the registry; msg.value is the deposit.
    function store_again(uint256 request_id, address auditor, uint256 size) external payable nonReentrant {
        require(IAuditRegistryReports(registry).is_manager(msg.sender), "AuditArchive: only a manager may do this");
        _store(request_id, auditor, msg.sender, size);
    }

    /// @notice Withdraws an archive upload that no host node confirmed within the file system's pending window
    /// (anyone may call it); its deposit is owed to the manager who paid it. A confirmed copy is never released.
    function release(uint256 request_id, address auditor) external nonReentrant {
        Archive storage a = _archives[request_id][auditor];
        require(a.stored, "AuditArchive: the report has no archive copy");
        uint256 file_id = a.file_id;
        IFileStorage.FileEntry memory f = IFileStorage(file_system).file(file_id);
        require(
            f.status == IFileStorage.FileStatus.Expired ||
                (f.status == IFileStorage.FileStatus.Pending && block.timestamp >= f.expires_at),
            "AuditArchive: the copy is stored, or still within its day for a host node to confirm it"
        );
        address paid_by = a.paid_by;
        a.stored = false;
        // Counted from the balance: what is owed is what actually came back.
        uint256 before = address(this).balance;
        IFileStorage(file_system).withdraw(file_id);
        uint256 refund = address(this).balance - before;
        refund_of[paid_by] += refund;
        refunds_owed += refund;
        emit ArchiveReleased(request_id, auditor, file_id, paid_by, refund);
    }

    /// @notice Pays the caller the deposits of its released archive uploads.
    function withdraw_refund() external nonReentrant {
        uint256 amount = refund_of[msg.sender];
        require(amount > 0, "AuditArchive: no refund is owed to you");
        refund_of[msg.sender] = 0;
        refunds_owed -= amount;
        emit RefundWithdrawn(msg.sender, amount);
        (bool ok, ) = payable(msg.sender).call{value: amount}("");
        require(ok, "AuditArchive: transfer failed");
    }

    /// @notice Whether the archive holds a file for the report now, and its id on the file system.
    function archive_file_of(uint256 request_id, address auditor) external view returns (bool stored, uint256 file_id) {
        Archive storage a = _archives[request_id][auditor];
        return (a.stored, a.stored ? a.file_id : 0);
    }

    /// @notice The archive record of a report: stored now, the latest file id, and who paid its deposit.
    function archive_of(uint256 request_id, address auditor) external view returns (Archive memory) {
        return _archives[request_id][auditor];
    }

    /// @notice The path of a report's copy under this contract's home directory on the file system.
    function path_of(uint256 request_id, address auditor) public pure returns (string memory) {
        return string.concat("audits/", _decimal(request_id), "/", _hex(auditor), ".report");
    }

    // ---- internals -------------------------------------------------------------------------------------------

    function _store(uint256 request_id, address auditor, address paid_by, uint256 size) private {
        Archive storage a = _archives[request_id][auditor];
        require(!a.stored, "AuditArchive: the report is already archived");
        string memory cid = _revealed_cid(request_id, auditor);
        a.stored = true;
        a.paid_by = paid_by;
        // The file system checks the size and the deposit against its quote; its reason reaches the manager.
        uint256 file_id = IFileStorage(file_system).upload{value: msg.value}(cid, size, path_of(request_id, auditor));
        a.file_id = file_id;
        emit ReportArchived(request_id, auditor, file_id, paid_by, msg.value);
    }

    /// @dev The CID of a revealed report's `ipfs://<cid>` link, as the registry lists it.
    function _revealed_cid(uint256 request_id, address auditor) private view returns (string memory) {
        IAuditRegistryReports.Report[] memory reports = IAuditRegistryReports(registry).get_reports(request_id);
        for (uint256 i = 0; i < reports.length; i++) {
            if (reports[i].auditor != auditor) continue;
            require(reports[i].revealed, "AuditArchive: the report is not revealed");
            bytes memory link = bytes(reports[i].link);
            require(_is_ipfs_cid_link(link), "AuditArchive: only an ipfs://<cid> report link is archived");
            bytes memory cid = new bytes(link.length - 7);
            for (uint256 j = 0; j < cid.length; j++) cid[j] = link[j + 7];
            return string(cid);
        }
        revert("AuditArchive: no report from this auditor");
    }

    /// @dev `ipfs://` then a CIDv1 in base32 as CallistoFS takes it: 'b' then [a-z2-7], at most 100 bytes.
    function _is_ipfs_cid_link(bytes memory link) private pure returns (bool) {
        if (link.length < 8 || link.length > 107) return false;
        bytes memory prefix = "ipfs://b";
        for (uint256 i = 0; i < 8; i++) if (link[i] != prefix[i]) return false;
        for (uint256 i = 8; i < link.length; i++) {
            bytes1 c = link[i];
            if (!((c >= "a" && c <= "z") || (c >= "2" && c <= "7"))) return false;
        }
        return true;
    }

    function _decimal(uint256 value) private pure returns (string memory) {
        if (value == 0) return "0";
        uint256 digits;
        for (uint256 v = value; v != 0; v /= 10) digits++;
        bytes memory out = new bytes(digits);
        for (; value != 0; value /= 10) out[--digits] = bytes1(uint8(48 + (value % 10)));
        return string(out);
    }

    function _hex(address account) private pure returns (string memory) {
        bytes memory digits = "0123456789abcdef";
        bytes memory out = new bytes(42);
        out[0] = "0";
        out[1] = "x";
        uint160 v = uint160(account);
        for (uint256 i = 41; i > 1; i--) {
            out[i] = digits[v & 0xf];
            v >>= 4;
        }
        return string(out);
    }
}
