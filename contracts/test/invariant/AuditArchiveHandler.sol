// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AuditArchive} from "../../AuditArchive.sol";
import {AuditRegistry} from "../../AuditRegistry.sol";
import {CallistoFS} from "../../CallistoFS.sol";
import {Vm} from "./Vm.sol";

/// @notice An account of the fuzzed archive: a manager, an auditor, an outsider or a host node. It forwards the
/// handler's calls with CLO, so that each call comes from its own address (forge-std's prank is not available), and
/// it receives CLO in one of three ways: it takes it, it refuses it (a payer that must not block anyone), or it
/// takes it and tries to re-enter the archive's `withdraw_refund` (which must fail).
contract ArchiveActor {
    enum Receiving {
        Accepts,
        Refuses,
        ReEnters
    }

    address private immutable _handler;
    Receiving public immutable receiving;
    AuditArchive public archive;
    /// @notice Re-entries into the archive tried from receive(), and those the archive accepted (must stay 0).
    uint256 public reentries_tried;
    uint256 public reentries_accepted;

    constructor(Receiving _receiving) {
        _handler = msg.sender;
        receiving = _receiving;
    }

    function set_archive(AuditArchive _archive) external {
        require(msg.sender == _handler, "ArchiveActor: only the handler");
        archive = _archive;
    }

    function call(address target, bytes calldata data, uint256 value) external returns (bool ok) {
        require(msg.sender == _handler, "ArchiveActor: only the handler");
        (ok, ) = target.call{value: value}(data);
    }

    receive() external payable {
        require(receiving != Receiving.Refuses, "ArchiveActor: refuses CLO");
        if (receiving == Receiving.ReEnters && msg.sender == address(archive)) {
            reentries_tried++;
            (bool ok, ) = address(archive).call(abi.encodeCall(AuditArchive.withdraw_refund, ()));
            if (ok) reentries_accepted++;
        }
    }
}

/// @notice Sends CLO to `to` by self-destructing in its constructor: the one way (with a block reward) to credit a
/// contract whose receive() refuses it. London semantics, as Callisto runs.
contract ForceFeeder {
    constructor(address payable to) payable {
        selfdestruct(to);
    }
}

/// @notice Makes random sequences of what managers, auditors, outsiders, host nodes, governance and time do to an
/// AuditArchive wired to a real AuditRegistry and a real CallistoFS: reveals that pay the archive deposit (enough,
/// too little or more), confirmations, node losses, releases of unconfirmed uploads, refunds to payers that take,
/// refuse or re-enter, stores again, and the attacks (withdrawing an archive file, storing past the registry,
/// sending CLO in). A ghost record follows every archive file and every wei of refunds, and counts every call the
/// contracts accepted but should have refused.
contract AuditArchiveHandler {
    Vm internal constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));

    uint256 public constant OTHER_CHAIN = 61;
    uint256 public constant MB = 1_048_576;
    /// @notice Reports up to 1 MB against 2 x 64 MB of capacity: a long sequence meets a rising price, and a node
    /// loss halves the capacity.
    uint256 public constant MAX_REPORT_BYTES = MB;
    uint64 public constant NODE_MB = 64;
    uint256 public constant UNIT = 10 ether;
    uint256 public constant FLOOR = 0.01 ether;

    /// @notice Actors by role: 0 and 1 honest managers, 2 a manager that refuses CLO, 3 a manager that re-enters,
    /// 4 an outsider, 5 and 6 auditors.
    uint256 public constant MANAGERS = 4;
    uint256 public constant REFUSER = 2;
    uint256 public constant REENTRANT = 3;
    uint256 public constant OUTSIDER = 4;
    uint256 public constant FIRST_AUDITOR = 5;
    uint256 public constant ACTORS = 7;
    uint256 public constant NODES = 2;

    AuditRegistry public immutable registry;
    CallistoFS public immutable fs;
    AuditArchive public immutable archive;
    ArchiveActor[] public actors;
    ArchiveActor[] public nodes;

    /// @notice A revealed `ipfs://<cid>` report: the archive's whole domain.
    struct Revealed {
        uint256 request_id;
        address auditor;
        string cid;
    }
    Revealed[] internal _revealed;

    // ---- ghosts -------------------------------------------------------------------------------------------------

    /// @notice Every file the archive uploaded, and for each: the report (index in `_revealed`), whether a node
    /// confirmed it, and whether the archive released it.
    uint256[] public archive_files;
    mapping(uint256 => uint256) public report_of_file;
    mapping(uint256 => bool) public ghost_counted_file;
    mapping(uint256 => bool) public ghost_released_file;
    /// @notice Per report: the id + 1 of the first copy a host node confirmed (0: none yet).
    mapping(uint256 => uint256) public ghost_confirmed_copy;

    /// @notice Refunds the archive took on (released deposits), paid out, and CLO forced in by self-destruction.
    uint256 public ghost_credited;
    uint256 public ghost_withdrawn;
    uint256 public ghost_forced;

    /// @notice Calls the contracts accepted and should have refused, and payouts that went wrong; each stays 0.
    uint256 public ghost_double_payouts;
    uint256 public ghost_confirmed_released;
    uint256 public ghost_early_releases;
    uint256 public ghost_wrong_refunds;
    uint256 public ghost_wrong_refund_payments;
    uint256 public ghost_failed_refunds;
    uint256 public ghost_blocked_releases;
    uint256 public ghost_unauthorized_stores;
    uint256 public ghost_underpaid_stores;
    uint256 public ghost_foreign_withdrawals;
    uint256 public ghost_accepted_plain_sends;
    uint256 public ghost_second_copies;
    /// @notice An `ipfs://` reveal that went through without its archive copy, and a copy made for another link.
    uint256 public ghost_reveals_without_copy;
    uint256 public ghost_unpaid_copies;

    /// @notice What a run reached (shown by the coverage invariant's call trace).
    uint256 public calls;
    uint256 public archived_reveals;
    uint256 public refused_reveals;
    uint256 public stores_again;
    uint256 public confirmations;
    uint256 public releases;
    uint256 public releases_paid_by_refuser;
    uint256 public refunds_paid;
    uint256 public refunds_refused;

    uint256 internal _fresh;

    constructor() {
        registry = new AuditRegistry(address(this), 7 days, 1 days, 10, 5);
        fs = new CallistoFS(address(this), UNIT, FLOOR);
        archive = new AuditArchive(address(registry), address(fs));
        registry.set_archive(address(archive));
        for (uint256 i = 0; i < ACTORS; i++) {
            ArchiveActor.Receiving r = i == REFUSER
                ? ArchiveActor.Receiving.Refuses
                : i == REENTRANT
                    ? ArchiveActor.Receiving.ReEnters
                    : ArchiveActor.Receiving.Accepts;
            ArchiveActor a = new ArchiveActor(r);
            a.set_archive(archive);
            actors.push(a);
        }
        for (uint256 i = 0; i < NODES; i++) {
            nodes.push(new ArchiveActor(ArchiveActor.Receiving.Accepts));
            fs.add_host_node(address(nodes[i]), "http://node.example", NODE_MB);
        }
        for (uint256 i = 0; i < MANAGERS; i++) registry.appoint_manager(address(actors[i]), "manager");
        for (uint256 i = FIRST_AUDITOR; i < ACTORS; i++) {
            _as(0, address(registry), abi.encodeCall(AuditRegistry.nominate_auditor, (address(actors[i]), "a")), 0);
            _as(1, address(registry), abi.encodeCall(AuditRegistry.confirm_auditor, (address(actors[i]))), 0);
        }
    }

    receive() external payable {}

    // ---- reveals --------------------------------------------------------------------------------------------------

    /// @notice A request with one or two reports (an `ipfs://` link mostly, a gist link sometimes), signed and revealed
    /// by random managers, each paying the archive deposit: the quote, more, or one wei too little (refused).
    function reveal(uint256 seed, uint256 size_seed, uint256 pay_seed) external {
        calls++;
        uint256 id = registry.request_count();
        bytes memory request = abi.encodeCall(
            AuditRegistry.submit_request,
            (address(0xC0DE), OTHER_CHAIN, "https://example.org/src", "fuzz", "Solidity")
        );
        if (!_as(OUTSIDER, address(registry), request, 0)) return;
        _as(_manager(_sub(seed, 0)), address(registry), abi.encodeCall(AuditRegistry.approve, (id)), 0);
        uint256 reports = 1 + (_sub(seed, 1) % 2);
        string[] memory links = new string[](reports);
        for (uint256 i = 0; i < reports; i++) {
            bool gist = _sub(seed, 2 + i) % 6 == 0;
            links[i] = gist
                ? string.concat("https://gist.github.com/fuzz/", _cid(_fresh++))
                : string.concat("ipfs://", _cid(_fresh++));
            bytes32 commitment = keccak256(bytes(links[i]));
            _as(FIRST_AUDITOR + i, address(registry), abi.encodeCall(AuditRegistry.submit_report, (id, commitment, "")), 0);
        }
        _as(_manager(_sub(seed, 4)), address(registry), abi.encodeCall(AuditRegistry.start, (id)), 0);
        for (uint256 i = 0; i < reports; i++) {
            address auditor = address(actors[FIRST_AUDITOR + i]);
            bytes memory sign = abi.encodeCall(AuditRegistry.sign_report, (id, auditor, 0));
            _as(_manager(_sub(seed, 5 + i)), address(registry), sign, 0);
            _reveal(_sub(seed, 7 + i), id, auditor, links[i], _sub(size_seed, i), _sub(pay_seed, i));
        }
    }

    function _reveal(
        uint256 by_seed,
        uint256 id,
        address auditor,
        string memory link,
        uint256 size_seed,
        uint256 pay_seed
    ) private {
        bool ipfs = bytes(link)[0] == "i";
        uint256 size = ipfs ? 1 + (size_seed % MAX_REPORT_BYTES) : 0;
        (bool quoted, uint256 value, bool underpaid) = ipfs ? _payment(size, pay_seed) : (true, 0, false);
        if (!quoted) value = 1 ether; // no quote (no node, or no free capacity): the upload must be refused anyway
        bytes memory data = abi.encodeCall(AuditRegistry.reveal_report, (id, auditor, link, 1024, size));
        uint256 files_before = fs.file_count();
        if (!_as(_manager(by_seed), address(registry), data, value)) {
            refused_reveals++;
            return;
        }
        if (!ipfs) {
            if (fs.file_count() != files_before) ghost_unpaid_copies++;
            return;
        }
        if (underpaid || !quoted) ghost_underpaid_stores++;
        _after_archived_reveal(id, auditor, link);
    }

    /// @dev An `ipfs://` reveal went through: its copy must exist now.
    function _after_archived_reveal(uint256 id, address auditor, string memory link) private {
        (bool stored, ) = archive.archive_file_of(id, auditor);
        if (!stored) {
            ghost_reveals_without_copy++;
            return;
        }
        _revealed.push(Revealed(id, auditor, _cid_of(link)));
        _record_upload(_revealed.length - 1);
        archived_reveals++;
    }

    // ---- the archive ------------------------------------------------------------------------------------------------

    /// @notice Any actor (a manager, a dismissed one, an outsider, an auditor) stores a revealed report again.
    function store_again(uint256 by_seed, uint256 report_seed, uint256 size_seed, uint256 pay_seed) external {
        calls++;
        if (_revealed.length == 0) return;
        uint256 index = _report_without_copy(report_seed);
        Revealed memory r = _revealed[index];
        uint256 by = _manager(by_seed);
        bool manager = registry.is_manager(address(actors[by]));
        (bool stored, ) = archive.archive_file_of(r.request_id, r.auditor);
        uint256 size = 1 + (size_seed % MAX_REPORT_BYTES);
        (bool quoted, uint256 value, bool underpaid) = _payment(size, pay_seed);
        if (!quoted) value = 1 ether;
        bytes memory data = abi.encodeCall(AuditArchive.store_again, (r.request_id, r.auditor, size));
        if (!_as(by, address(archive), data, value)) return;
        if (!manager) ghost_unauthorized_stores++;
        if (stored) ghost_second_copies++;
        if (underpaid || !quoted) ghost_underpaid_stores++;
        _record_upload(index);
        stores_again++;
    }

    /// @notice An elected (or removed) host node confirms a report's current archive copy.
    function confirm(uint256 node_seed, uint256 report_seed) external {
        calls++;
        if (_revealed.length == 0) return;
        uint256 index = report_seed % _revealed.length;
        Revealed memory r = _revealed[index];
        (bool stored, uint256 file_id) = archive.archive_file_of(r.request_id, r.auditor);
        if (!stored) return;
        if (!nodes[node_seed % NODES].call(address(fs), abi.encodeCall(CallistoFS.confirm, (file_id)), 0)) return;
        ghost_counted_file[file_id] = true;
        if (ghost_confirmed_copy[index] == 0) ghost_confirmed_copy[index] = file_id + 1;
        confirmations++;
    }

    /// @notice Anyone asks the file system to release a report's copy if its window ended unconfirmed.
    function release_expired(uint256 by_seed, uint256 report_seed) external {
        calls++;
        if (_revealed.length == 0) return;
        Revealed memory r = _revealed[report_seed % _revealed.length];
        (bool stored, uint256 file_id) = archive.archive_file_of(r.request_id, r.auditor);
        if (!stored) return;
        uint256[] memory ids = new uint256[](1);
        ids[0] = file_id;
        _as(by_seed, address(fs), abi.encodeCall(CallistoFS.release_expired, (ids)), 0);
    }

    /// @notice Anyone releases a report's copy; it must succeed exactly when the upload expired unconfirmed, and owe
    /// the payer exactly the file's deposit, once.
    function release(uint256 by_seed, uint256 report_seed) external {
        calls++;
        if (_revealed.length == 0) return;
        Revealed memory r = _revealed[report_seed % _revealed.length];
        AuditArchive.Archive memory before = archive.archive_of(r.request_id, r.auditor);
        CallistoFS.FileEntry memory f;
        if (before.stored) f = fs.file(before.file_id);
        bool releasable = before.stored &&
            (f.status == CallistoFS.FileStatus.Expired ||
                (f.status == CallistoFS.FileStatus.Pending && block.timestamp >= f.expires_at));
        uint256 owed_before = archive.refund_of(before.paid_by);
        bytes memory data = abi.encodeCall(AuditArchive.release, (r.request_id, r.auditor));
        if (!_as(by_seed, address(archive), data, 0)) {
            if (releasable) ghost_blocked_releases++;
            return;
        }
        releases++;
        if (!releasable) ghost_early_releases++;
        if (ghost_released_file[before.file_id]) ghost_double_payouts++;
        if (ghost_counted_file[before.file_id]) ghost_confirmed_released++;
        ghost_released_file[before.file_id] = true;
        uint256 refund = archive.refund_of(before.paid_by) - owed_before;
        if (refund != f.deposit) ghost_wrong_refunds++;
        ghost_credited += refund;
        if (before.paid_by == address(actors[REFUSER])) releases_paid_by_refuser++;
    }

    /// @notice Any actor takes its refunds: an honest payer gets exactly what it is owed; a refusing payer's refund
    /// stays owed; a re-entering payer gets it once.
    function withdraw_refund(uint256 by_seed) external {
        calls++;
        ArchiveActor a = actors[_payer(by_seed)];
        uint256 owed = archive.refund_of(address(a));
        uint256 balance_before = address(a).balance;
        if (!a.call(address(archive), abi.encodeCall(AuditArchive.withdraw_refund, ()), 0)) {
            if (owed > 0 && a.receiving() != ArchiveActor.Receiving.Refuses) ghost_failed_refunds++;
            if (owed > 0) refunds_refused++;
            return;
        }
        uint256 paid = address(a).balance - balance_before;
        if (paid != owed || archive.refund_of(address(a)) != 0) ghost_wrong_refund_payments++;
        ghost_withdrawn += paid;
        refunds_paid++;
    }

    // ---- attacks ----------------------------------------------------------------------------------------------------

    /// @notice Anyone (an actor, a node, the file system's owner) tries to withdraw an archive file's deposit.
    function withdraw_archive_file(uint256 by_seed, uint256 file_seed) external {
        calls++;
        if (archive_files.length == 0) return;
        uint256 file_id = archive_files[file_seed % archive_files.length];
        bytes memory data = abi.encodeCall(CallistoFS.withdraw, (file_id));
        bool ok = by_seed % 4 == 0
            ? _call_as_handler(address(fs), data)
            : _as(by_seed, address(fs), data, 0);
        if (ok) ghost_foreign_withdrawals++;
    }

    /// @notice Anyone but the registry calls `store`, naming itself the payer.
    function store_directly(uint256 by_seed, uint256 report_seed, uint256 size_seed) external {
        calls++;
        if (_revealed.length == 0) return;
        Revealed memory r = _revealed[report_seed % _revealed.length];
        uint256 size = 1 + (size_seed % MAX_REPORT_BYTES);
        uint256 by = by_seed % ACTORS;
        bytes memory data = abi.encodeCall(AuditArchive.store, (r.request_id, r.auditor, address(actors[by]), size));
        if (_as(by, address(archive), data, 100 ether)) ghost_unauthorized_stores++;
    }

    /// @notice An actor sends CLO to the archive in a plain transfer.
    function send_clo(uint256 by_seed, uint256 amount) external {
        calls++;
        if (_as(by_seed, address(archive), "", 1 + (amount % 1 ether))) ghost_accepted_plain_sends++;
    }

    /// @notice CLO forced into the archive by a self-destruction: it must not be counted as anyone's refund.
    function force_feed(uint256 amount) external {
        calls++;
        amount = 1 + (amount % 1 ether);
        vm.deal(address(this), address(this).balance + amount);
        new ForceFeeder{value: amount}(payable(address(archive)));
        ghost_forced += amount;
    }

    // ---- governance and time ----------------------------------------------------------------------------------------

    /// @notice Governance removes a host node (a node loss: its pending uploads may now expire) or elects it again.
    function toggle_node(uint256 node_seed) external {
        calls++;
        address node = address(nodes[node_seed % NODES]);
        if (fs.is_host_node(node)) fs.remove_host_node(node);
        else fs.add_host_node(node, "http://node.example", NODE_MB);
    }

    /// @notice Governance dismisses a manager or appoints it again (a dismissed payer keeps its refunds).
    function toggle_manager(uint256 manager_seed) external {
        calls++;
        address manager = address(actors[manager_seed % MANAGERS]);
        if (registry.is_manager(manager)) registry.dismiss_manager(manager);
        else registry.appoint_manager(manager, "manager");
    }

    function warp(uint256 seconds_) external {
        calls++;
        vm.warp(block.timestamp + (seconds_ % 2 days));
    }

    // ---- views for the invariants -----------------------------------------------------------------------------------

    function revealed_count() external view returns (uint256) {
        return _revealed.length;
    }

    function revealed(uint256 index) external view returns (Revealed memory) {
        return _revealed[index];
    }

    function archive_file_count() external view returns (uint256) {
        return archive_files.length;
    }

    function actor(uint256 index) external view returns (address) {
        return address(actors[index]);
    }

    // ---- internals --------------------------------------------------------------------------------------------------

    /// @dev The report's current copy, just uploaded by a reveal or a store again: a file the archive owns.
    function _record_upload(uint256 index) private {
        Revealed memory r = _revealed[index];
        (, uint256 file_id) = archive.archive_file_of(r.request_id, r.auditor);
        archive_files.push(file_id);
        report_of_file[file_id] = index;
    }

    /// @dev The deposit an actor sends for `size` bytes: the quote (5 in 8), the quote and up to 1 CLO more (2 in 8),
    /// or one wei less (1 in 8). `quoted` is false when the file system gives no quote now.
    function _payment(uint256 size, uint256 seed) private view returns (bool quoted, uint256 value, bool underpaid) {
        try fs.quote(size) returns (uint256, uint256 deposit) {
            uint256 mode = seed % 8;
            if (mode == 0 && deposit > 0) return (true, deposit - 1, true);
            if (mode <= 2) return (true, deposit + ((seed >> 8) % 1 ether), false);
            return (true, deposit, false);
        } catch {
            return (false, 0, false);
        }
    }

    /// @dev A revealed report with no copy now (3 times in 4, when there is one), else any: stores again are
    /// tried where they may succeed, and where they must not.
    function _report_without_copy(uint256 seed) private view returns (uint256) {
        uint256 n = _revealed.length;
        if (seed % 4 != 0) {
            for (uint256 i = 0; i < n; i++) {
                uint256 index = (seed % n + i) % n;
                (bool stored, ) = archive.archive_file_of(_revealed[index].request_id, _revealed[index].auditor);
                if (!stored) return index;
            }
        }
        return seed % n;
    }

    /// @dev An actor owed a refund (3 times in 4, when there is one), else any.
    function _payer(uint256 seed) private view returns (uint256) {
        if (seed % 4 != 0) {
            for (uint256 i = 0; i < ACTORS; i++) {
                uint256 candidate = (seed % ACTORS + i) % ACTORS;
                if (archive.refund_of(address(actors[candidate])) > 0) return candidate;
            }
        }
        return seed % ACTORS;
    }

    /// @dev A sub-seed: forge often passes small or repeated seeds, whose bit slices would all be alike.
    function _sub(uint256 seed, uint256 k) private pure returns (uint256) {
        return uint256(keccak256(abi.encode(seed, k)));
    }

    /// @dev An actor that is a current manager 7 times in 8 (so that sequences get deep into the flow), any actor
    /// otherwise (so that refusals are tried too).
    function _manager(uint256 seed) private view returns (uint256) {
        if (seed % 8 == 0) return seed % ACTORS;
        for (uint256 i = 0; i < MANAGERS; i++) {
            uint256 candidate = (seed % MANAGERS + i) % MANAGERS;
            if (registry.is_manager(address(actors[candidate]))) return candidate;
        }
        return seed % ACTORS;
    }

    function _as(uint256 seed, address target, bytes memory data, uint256 value) private returns (bool) {
        ArchiveActor a = actors[seed % ACTORS];
        if (value > 0) vm.deal(address(a), address(a).balance + value);
        return a.call(target, data, value);
    }

    function _call_as_handler(address target, bytes memory data) private returns (bool ok) {
        (ok, ) = target.call(data);
    }

    /// @dev A distinct CIDv1-shaped string for each n: "bafkrei" then n in base32 ([a-z2-7]), padded to 59 bytes.
    function _cid(uint256 n) private pure returns (string memory) {
        bytes memory alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        bytes memory out = new bytes(59);
        bytes memory prefix = "bafkrei";
        for (uint256 i = 0; i < 7; i++) out[i] = prefix[i];
        for (uint256 i = 58; i >= 7; i--) {
            out[i] = alphabet[n % 32];
            n /= 32;
        }
        return string(out);
    }

    /// @dev The CID of an `ipfs://<cid>` link.
    function _cid_of(string memory link) private pure returns (string memory) {
        bytes memory l = bytes(link);
        bytes memory cid = new bytes(l.length - 7);
        for (uint256 i = 0; i < cid.length; i++) cid[i] = l[i + 7];
        return string(cid);
    }
}
