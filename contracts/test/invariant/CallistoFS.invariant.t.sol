// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {CallistoFS} from "../../CallistoFS.sol";
import {InvariantTest, Vm} from "./Vm.sol";

/// @notice An account of the file system's users or host nodes: forwards the handler's calls, so that each call
/// comes from its own address (forge-std's prank is not available), and takes deposits back.
contract FsActor {
    address private immutable _handler;

    constructor() {
        _handler = msg.sender;
    }

    function call(address target, bytes calldata data, uint256 value) external returns (bool ok, bytes memory out) {
        require(msg.sender == _handler, "FsActor: only the handler");
        (ok, out) = target.call{value: value}(data);
    }

    receive() external payable {}
}

/// @notice Random sequences of what users, host nodes and governance do to the file system: upload (real or fake
/// content alike: the contract cannot tell), confirm one file or a batch, withdraw, release expired uploads, let
/// time pass, elect and remove nodes, change prices. A ghost record of every file follows what should hold.
contract CallistoFSHandler {
    Vm private constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));

    CallistoFS public immutable fs;
    /// @notice A second file system that only ever has the lowest prices and the largest capacity the first one
    /// had: its quote for S bytes from empty is the least any holder of S bytes can have paid.
    CallistoFS public immutable cheapest;

    uint256 internal constant OWNERS = 4;
    uint256 internal constant NODES = 4;
    uint64 internal constant NODE_MB = 64;
    uint256 internal constant UNIT = 10 ether;
    uint256 internal constant FLOOR = 0.01 ether;
    string internal constant CID = "bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku";

    FsActor[] public owners;
    FsActor[] public nodes;

    struct Ghost {
        uint256 owner;
        uint256 size;
        uint256 deposit;
        bool withdrawn;
    }
    Ghost[] public files;
    /// @notice Per node: which files it confirmed (set once, as the contract allows).
    mapping(uint256 => mapping(uint256 => bool)) public confirmedBy;

    uint256 public minUnit = UNIT;
    uint256 public minFloor = FLOOR;
    uint256 public maxCapacity;
    /// @notice Set when an upload left the committed bytes at or above the capacity (it must never happen).
    bool public overfilled;
    /// @notice Calls that succeeded, by kind, so a run shows it did something.
    uint256 public uploads;
    uint256 public confirmations;
    uint256 public withdrawals;
    uint256 public releases;

    constructor() {
        fs = new CallistoFS(address(this), UNIT, FLOOR);
        cheapest = new CallistoFS(address(this), UNIT, FLOOR);
        for (uint256 i = 0; i < OWNERS; i++) owners.push(new FsActor());
        for (uint256 i = 0; i < NODES; i++) nodes.push(new FsActor());
        fs.add_host_node(address(nodes[0]), "http://node0.example", NODE_MB);
        fs.add_host_node(address(nodes[1]), "http://node1.example", NODE_MB);
        _follow_capacity();
    }

    receive() external payable {}

    // ---- what users do -----------------------------------------------------------------------------------

    function upload(uint256 owner_seed, uint256 size_seed, uint256 extra) external {
        uint256 o = owner_seed % OWNERS;
        uint256 capacity = fs.capacity_bytes();
        if (capacity < 2) return;
        // Mostly small files, sometimes up to the whole capacity: the contract decides what still fits (pending
        // uploads included), the handler does not pre-filter.
        uint256 size = size_seed % 4 == 0 ? 1 + (size_seed % (capacity - 1)) : 1 + (size_seed % (4 * fs.MB()));
        uint256 deposit;
        try fs.quote(size) returns (uint256, uint256 quoted) {
            deposit = quoted;
        } catch {
            return;
        }
        if (deposit > 1e30) return;
        deposit += extra % 1 ether;
        vm.deal(address(owners[o]), deposit);
        uint256 id = fs.file_count();
        (bool ok, ) = owners[o].call(
            address(fs),
            abi.encodeCall(CallistoFS.upload, (CID, size, _path(id))),
            deposit
        );
        if (!ok) return;
        files.push(Ghost(o, size, deposit, false));
        uploads++;
        if (fs.used_bytes() + fs.pending_bytes() >= fs.capacity_bytes()) overfilled = true;
    }

    function withdraw(uint256 file_seed) external {
        if (files.length == 0) return;
        uint256 id = file_seed % files.length;
        Ghost storage g = files[id];
        (bool ok, ) = owners[g.owner].call(address(fs), abi.encodeCall(CallistoFS.withdraw, (id)), 0);
        if (!ok) return;
        require(!g.withdrawn, "handler: a deposit was withdrawn twice");
        g.withdrawn = true;
        withdrawals++;
    }

    function release_expired(uint256 file_seed, uint256 count) external {
        if (files.length == 0) return;
        uint256[] memory ids = new uint256[](1 + (count % 4));
        for (uint256 i = 0; i < ids.length; i++) ids[i] = (file_seed % files.length + i) % files.length;
        releases += fs.release_expired(ids);
    }

    // ---- what host nodes do ------------------------------------------------------------------------------

    function confirm(uint256 node_seed, uint256 file_seed) external {
        if (files.length == 0) return;
        uint256 n = node_seed % NODES;
        uint256 id = file_seed % files.length;
        (bool ok, ) = nodes[n].call(address(fs), abi.encodeCall(CallistoFS.confirm, (id)), 0);
        if (!ok) return;
        require(!confirmedBy[n][id], "handler: a node confirmed a file twice");
        confirmedBy[n][id] = true;
        confirmations++;
    }

    function confirm_many(uint256 node_seed, uint256 file_seed, uint256 count) external {
        if (files.length == 0) return;
        uint256 n = node_seed % NODES;
        uint256[] memory ids = new uint256[](1 + (count % 6));
        for (uint256 i = 0; i < ids.length; i++) ids[i] = (file_seed % files.length + i * (count % 3)) % files.length;
        (bool ok, bytes memory out) = nodes[n].call(address(fs), abi.encodeCall(CallistoFS.confirm_many, (ids)), 0);
        if (!ok) return;
        uint256 confirmed = abi.decode(out, (uint256));
        confirmations += confirmed;
        for (uint256 i = 0; i < ids.length; i++) if (fs.confirmed_by(ids[i], address(nodes[n]))) confirmedBy[n][ids[i]] = true;
    }

    // ---- time and governance -----------------------------------------------------------------------------

    function pass_time(uint256 seconds_) external {
        vm.warp(block.timestamp + (seconds_ % 2 days));
    }

    function elect(uint256 node_seed, uint64 mb_seed) external {
        FsActor node = nodes[node_seed % NODES];
        if (fs.is_host_node(address(node))) return;
        fs.add_host_node(address(node), "http://node.example", 1 + (mb_seed % (2 * NODE_MB)));
        _follow_capacity();
    }

    function remove(uint256 node_seed) external {
        FsActor node = nodes[node_seed % NODES];
        if (!fs.is_host_node(address(node))) return;
        fs.remove_host_node(address(node));
    }

    function set_prices(uint256 unit_seed, uint256 floor_seed) external {
        uint256 unit = unit_seed % (100 ether);
        uint256 floor = 1 + (floor_seed % (1 ether));
        fs.set_prices(unit, floor);
        if (unit < minUnit) minUnit = unit;
        if (floor < minFloor) minFloor = floor;
        cheapest.set_prices(minUnit, minFloor);
    }

    // ---- views for the invariants ------------------------------------------------------------------------

    function file_count() external view returns (uint256) {
        return files.length;
    }

    function node(uint256 i) external view returns (address) {
        return address(nodes[i]);
    }

    /// @notice The least deposit anyone can have paid to hold `bytes_` bytes at once.
    function least_deposit_for(uint256 bytes_) external view returns (uint256) {
        if (bytes_ == 0) return 0;
        (, uint256 deposit) = cheapest.quote(bytes_);
        return deposit;
    }

    // ---- internals ---------------------------------------------------------------------------------------

    /// @dev Grows the reference file system's capacity to the largest the real one ever had.
    function _follow_capacity() private {
        uint256 capacity = fs.capacity_bytes();
        if (capacity <= maxCapacity) return;
        uint64 mb = uint64((capacity - maxCapacity) / fs.MB());
        cheapest.add_host_node(address(uint160(0x1000 + cheapest.host_nodes().length)), "http://ref.example", mb);
        maxCapacity = capacity;
    }

    function _path(uint256 id) private pure returns (string memory) {
        uint256 length = 1;
        for (uint256 v = id; v >= 10; v /= 10) length++;
        bytes memory digits = new bytes(length);
        for (uint256 v = id; length > 0; v /= 10) digits[--length] = bytes1(uint8(48 + (v % 10)));
        return string.concat("f/", string(digits));
    }
}

/// @notice The file system's accounting under random sequences (issue 11, item 5).
contract CallistoFSInvariants is InvariantTest {
    CallistoFSHandler private handler;
    CallistoFS private fs;

    function setUp() public {
        handler = new CallistoFSHandler();
        fs = handler.fs();
        bytes4[] memory selectors = new bytes4[](10);
        selectors[0] = CallistoFSHandler.upload.selector;
        selectors[1] = CallistoFSHandler.withdraw.selector;
        selectors[2] = CallistoFSHandler.release_expired.selector;
        selectors[3] = CallistoFSHandler.confirm.selector;
        selectors[4] = CallistoFSHandler.confirm_many.selector;
        selectors[5] = CallistoFSHandler.pass_time.selector;
        selectors[6] = CallistoFSHandler.elect.selector;
        selectors[7] = CallistoFSHandler.remove.selector;
        selectors[8] = CallistoFSHandler.set_prices.selector;
        // Uploads twice as often as the rest, so that sequences fill the capacity.
        selectors[9] = CallistoFSHandler.upload.selector;
        _target(address(handler), selectors);
    }

    /// @notice balance = held deposits = the sum of the deposits of the files not withdrawn.
    function invariant_balance_is_the_held_deposits() public view {
        uint256 sum = 0;
        uint256 n = handler.file_count();
        for (uint256 id = 0; id < n; id++) {
            (, , uint256 deposit, bool withdrawn) = handler.files(id);
            if (!withdrawn) sum += deposit;
        }
        require(address(fs).balance == fs.held_deposits(), "balance != held_deposits");
        require(fs.held_deposits() == sum, "held_deposits != sum of the held files' deposits");
    }

    /// @notice used bytes = the sizes of the counted files; pending bytes = the sizes of the pending ones; a file is
    /// counted exactly when a node confirmed it and it is held.
    function invariant_used_bytes_are_the_counted_sizes() public view {
        uint256 used = 0;
        uint256 pending = 0;
        uint256 counted_files = 0;
        uint256 n = handler.file_count();
        for (uint256 id = 0; id < n; id++) {
            CallistoFS.FileEntry memory f = fs.file(id);
            (, uint256 size, , bool withdrawn) = handler.files(id);
            require(f.size == size, "size changed");
            require((f.status == CallistoFS.FileStatus.Withdrawn) == withdrawn, "status != ghost withdrawal");
            if (f.status == CallistoFS.FileStatus.Counted) {
                require(f.confirmations > 0, "counted without a confirmation");
                used += size;
                counted_files++;
            } else if (f.status == CallistoFS.FileStatus.Pending) {
                require(f.confirmations == 0, "confirmed but still pending");
                pending += size;
            } else if (f.status == CallistoFS.FileStatus.Expired) {
                require(f.confirmations == 0 && block.timestamp >= f.expires_at, "expired early or confirmed");
            }
        }
        require(fs.used_bytes() == used, "used_bytes != sum of counted sizes");
        require(fs.pending_bytes() == pending, "pending_bytes != sum of pending sizes");
        require(fs.totals().counted_file_count == counted_files, "counted_file_count");
    }

    /// @notice A node's counted confirmations are the files it confirmed that are still held, and their bytes.
    function invariant_node_counts_only_held_files() public view {
        CallistoFS.HostNode[] memory elected = fs.host_nodes();
        uint256 n = handler.file_count();
        for (uint256 k = 0; k < elected.length; k++) {
            uint256 index = 0;
            while (handler.node(index) != elected[k].node) index++;
            uint256 files = 0;
            uint256 bytes_ = 0;
            for (uint256 id = 0; id < n; id++) {
                (, uint256 size, , bool withdrawn) = handler.files(id);
                if (withdrawn || !handler.confirmedBy(index, id)) continue;
                files++;
                bytes_ += size;
            }
            require(elected[k].confirmations <= files, "a node counts files that are not held");
            require(elected[k].confirmations == files && elected[k].confirmed_bytes == bytes_, "node statistics");
        }
    }

    /// @notice No upload ever takes the committed bytes to the capacity, however many are pending at once.
    function invariant_uploads_never_fill_the_capacity() public view {
        require(!handler.overfilled(), "an upload filled the capacity");
    }

    /// @notice No owner holds capacity it does not pay for: the deposits of the files holding space cover the area
    /// under the cheapest curve the contract ever had (lowest prices, largest capacity) from empty to the bytes
    /// they hold together.
    function invariant_held_space_is_paid_for() public view {
        uint256 n = handler.file_count();
        uint256 paid = 0;
        for (uint256 id = 0; id < n; id++) {
            CallistoFS.FileEntry memory f = fs.file(id);
            if (f.status == CallistoFS.FileStatus.Counted || f.status == CallistoFS.FileStatus.Pending) {
                paid += f.deposit;
            }
        }
        uint256 committed = fs.used_bytes() + fs.pending_bytes();
        require(paid >= handler.least_deposit_for(committed), "space held below its price");
    }
}
