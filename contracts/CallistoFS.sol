// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title Callisto File System: refundable storage deposits and the registry of IPFS host nodes
/// @notice Anyone stores a file on the elected IPFS host nodes by recording its CID here with a CLO deposit, held by
/// this contract for as long as the owner wants the file kept, and returned whole on `withdraw`. The host nodes
/// watch `FileUpload`, `FileWithdrawn` and `FileExpired`, pin and unpin the content, and `confirm` each file they
/// hold. A file counts against the capacity only once a host node confirmed that it holds content of exactly the
/// declared size; until then it is pending, and a pending upload nobody confirms within `PENDING_WINDOW` expires
/// and gives its space back (its deposit stays the owner's, to withdraw). The files and bytes a node confirmed
/// that are still held are the statistics of processed requests that its salary proposals look at.
///
/// @dev Units. Sizes are bytes; prices are wei per MB, where 1 MB = 1,048,576 bytes (2^20, `MB`). A host node's
/// capacity is given in whole MB.
///
/// Pricing. The seed article prices storage with the Bancor formula Price = Balance / (Supply x CRR), CRR = 10,
/// Balance = the storage consumed and Supply = the storage the host nodes offer. Read literally it is linear and
/// tops out at unit_price / CRR a MB at full use, so the whole capacity could be held for a bounded, refundable
/// deposit (audit finding M-05). This contract keeps the formula's start and slope and lets the price grow without
/// bound as the free space runs out, which is what the article says the CRR is for ("the storage will never be
/// completely consumed, as the price will increase as free capacity decreases"):
///     C = capacity_bytes, u = committed bytes (counted + pending), x = u / C
///     price_per_mb(u) = floor_price + unit_price / (2 x CRR) x (C^2 / (C - u)^2 - 1)          [wei per MB]
///                     = floor_price + unit_price x x / CRR + unit_price x (3x^2 + 4x^3 + ...) / (2 x CRR)
/// so while little is used it is the seed's price unit_price x Balance / (Supply x CRR) over the floor, and at
/// u -> C it has no bound: the last byte is never for sale. A deposit is the area under that curve over the bytes
/// the upload takes, from u to u + s (exact, a rational integral):
///     deposit(u, s) = ceil(floor_price x s / MB)
///                   + ceil(unit_price x s x (C^2 - (C - u)(C - u - s)) / (2 x CRR x MB x (C - u)(C - u - s)))
/// so splitting an upload never makes it cheaper: the parts cover the same area, each rounded up (audit note
/// I-02). Every division rounds up, in the contract's favour. Holding a share x of the capacity takes a deposit of
/// about C x (floor + unit / (2 CRR) x x / (1 - x)): 9 x unit/(2 CRR) a MB of capacity for 90%, 99 x for 99%.
/// lib/files/pricing.ts holds the same formula for the app and the host nodes; a property test compares the two.
///
/// Pending uploads. An upload reserves its bytes at once: pending bytes count in the price and the free space, so
/// concurrent uploads can never take more than the capacity, and a later upload is priced above them. A pending
/// file becomes counted at the first confirmation by an elected node, which checks the content against the
/// declared size (a node never confirms other content). One that no node confirms within PENDING_WINDOW (a CID
/// with no content, or a size that does not match) expires: anyone may `release_expired` it, and the owner's
/// `withdraw` does too. A fake CID thus holds space for at most the window, for a deposit priced like any other.
///
/// Refusals. An upload of 0 bytes, with no elected node, that would take the committed bytes to the capacity or
/// beyond, or whose deposit does not fit in 256 bits is refused. Removing a node may leave the committed bytes
/// above the capacity: held files stay held (their deposits are the owners'), and uploads are refused until
/// capacity returns.
///
/// Files. A file is recorded under its owner's home directory at a relative path (the EOS.IO storage design the
/// seed cites): one file a path and owner until its deposit is withdrawn. The deposit is the whole `msg.value` (at
/// least the quote), kept exactly and returned exactly, once. Ids count from 0.
///
/// Roles. The `owner` registers the first host nodes and sets the prices at deployment, then hands both rights to
/// the treasury governance contract with `set_governance` (once). From then on only governance (accepted
/// proposals) elects and removes nodes and changes prices. A node may move its own endpoint. Anyone may release
/// expired uploads.
///
/// Safety. The only transfer is the deposit back to its owner in `withdraw`, after every state change
/// (checks-effects-interactions) and behind a reentrancy guard. The contract accepts no CLO but deposits, so its
/// balance is `held_deposits`.
contract CallistoFS {
    /// @dev Pending: waiting for a node's confirmation before its size counts. Counted: confirmed, its size counts
    /// in `used_bytes`. Expired: never confirmed, its space released; the deposit waits for `withdraw`. Withdrawn:
    /// the deposit went back. A Pending file past its `expires_at` holds its space until it is released.
    enum FileStatus {
        Pending,
        Counted,
        Expired,
        Withdrawn
    }

    /// @dev As stored; `host_nodes()` adds the statistics.
    struct NodeRecord {
        address node;
        string endpoint;
        uint64 capacity_mb;
        uint64 elected_at;
    }

    struct HostNode {
        address node;
        /// @dev http:// or https:// base URL of the node's HTTP API (upload, gateway, health).
        string endpoint;
        uint64 capacity_mb;
        uint64 elected_at;
        /// @dev Files this node confirmed whose deposit is still held (a withdrawal takes them off).
        uint64 confirmations;
        /// @dev The bytes of those files.
        uint256 confirmed_bytes;
    }

    /// @dev Per node address, kept across a removal: what it confirmed that is still held.
    struct NodeStats {
        uint64 files;
        uint192 bytes_;
    }

    struct FileEntry {
        /// @dev The index in the file list. Not written at upload (it is the index, and an unused storage write
        /// costs 20,000 gas): the views fill it in.
        uint256 id;
        address owner;
        uint64 uploaded_at;
        uint32 confirmations;
        /// @dev CIDv1 in base32 (`ipfs add --cid-version 1`).
        string cid;
        /// @dev Relative to the owner's home directory.
        string path;
        uint256 size;
        uint256 deposit;
        /// @dev 0 while the deposit is held.
        uint64 withdrawn_at;
        /// @dev The end of the pending window: uploaded_at + PENDING_WINDOW.
        uint64 expires_at;
        FileStatus status;
    }

    struct Totals {
        /// @dev Bytes of counted files (confirmed by a node).
        uint256 used_bytes;
        /// @dev Bytes of pending files, reserved until they are confirmed or released.
        uint256 pending_bytes;
        uint256 capacity_bytes;
        uint256 held_deposits;
        uint256 file_count;
        /// @dev Files whose deposit is held, whatever their status.
        uint256 active_file_count;
        /// @dev Files counted and held.
        uint256 counted_file_count;
        uint256 node_count;
        uint256 unit_price;
        uint256 floor_price;
        /// @dev price_per_mb(used_bytes + pending_bytes) now: the floor when there is no capacity.
        uint256 price_per_mb;
    }

    event FileUpload(address indexed owner, uint256 indexed id, string cid, uint256 size, uint256 deposit);
    event FileWithdrawn(address indexed owner, uint256 indexed id, uint256 deposit);
    event FileConfirmed(uint256 indexed id, address indexed node);
    /// @notice The first confirmation: the file's size now counts in `used_bytes`.
    event FileCounted(uint256 indexed id, uint256 size);
    /// @notice A pending file nobody confirmed in time gave its space back.
    event FileExpired(address indexed owner, uint256 indexed id);
    event HostNodeElected(address indexed node, string endpoint, uint64 capacity_mb);
    event HostNodeRemoved(address indexed node);
    event HostNodeEndpointChanged(address indexed node, string endpoint);
    event PricesChanged(uint256 unit_price, uint256 floor_price);
    event GovernanceSet(address indexed governance);

    /// @notice The constant reserve ratio of the price formula.
    uint256 public constant CRR = 10;
    /// @notice Bytes a MB: prices are wei per MB, capacities whole MB.
    uint256 public constant MB = 1_048_576;
    uint256 public constant MAX_CID_BYTES = 100;
    uint256 public constant MAX_PATH_BYTES = 255;
    uint256 public constant MAX_ENDPOINT_BYTES = 256;
    uint256 public constant MAX_HOST_NODES = 32;
    /// @notice Most files one `confirm_many` takes. A first confirmation costs about 86,000 gas a file and a
    /// later one about 63,000 (London), so 200 files are about 17M gas: a host node sizes its batches from the
    /// latest block's gas limit (host-node/src/chain.ts), and this bound only caps the calldata.
    uint256 public constant MAX_CONFIRM_BATCH = 200;
    /// @notice How long an upload waits for its first confirmation before it expires and gives its space back.
    uint64 public constant PENDING_WINDOW = 1 days;
    /// @notice The highest unit or floor price, wei per MB (10^12 CLO): keeps the price arithmetic in 256 bits.
    uint256 public constant MAX_PRICE = 10 ** 30;

    /// @notice Registers the first nodes and sets prices until governance is set.
    address public owner;
    /// @notice The treasury governance contract; zero until the owner sets it, once.
    address public governance;
    /// @notice The slope of the price at zero use, as in the seed's formula: wei per MB, times utilisation / CRR
    /// (price_per_mb ~ floor_price + unit_price x used / (capacity x CRR) while little is used).
    uint256 public unit_price;
    /// @notice The price at zero use, wei per MB; above zero.
    uint256 public floor_price;
    /// @dev Counted and pending bytes share one slot, so that an upload's gas does not depend on whether the
    /// nodes have just confirmed every pending file (a zero slot written nonzero costs 17,100 more): a wallet's gas
    /// estimate stays valid while confirmations land. Both stay below 2^90 (32 nodes of at most 2^64 MB).
    struct Usage {
        uint128 used;
        uint128 pending;
    }
    Usage private _usage;
    /// @notice The sum over elected nodes of capacity_mb x MB.
    uint256 public capacity_bytes;
    /// @notice The sum of the deposits held: the contract's balance.
    uint256 public held_deposits;

    NodeRecord[] private _nodes;
    /// @dev Index + 1 in `_nodes`; 0 for an account that is not an elected node.
    mapping(address => uint256) private _node_index;
    mapping(address => NodeStats) private _node_stats;

    FileEntry[] private _files;
    uint256 private _active_file_count;
    uint256 private _counted_file_count;
    /// @dev Each owner's file ids in upload order, withdrawn ones included.
    mapping(address => uint256[]) private _files_of;
    /// @dev Id + 1 of the held file at keccak256(path) of an owner; 0 when the path is free.
    mapping(address => mapping(bytes32 => uint256)) private _file_at_path;
    mapping(uint256 => address[]) private _confirmers;
    mapping(uint256 => mapping(address => bool)) private _confirmed;

    uint256 private _entered = 1;

    modifier nonReentrant() {
        require(_entered == 1, "CallistoFS: reentrant call");
        _entered = 2;
        _;
        _entered = 1;
    }

    /// @dev Governance once it is set; the owner before.
    modifier onlyAdmin() {
        if (governance == address(0)) require(msg.sender == owner, "CallistoFS: only the owner may do this");
        else require(msg.sender == governance, "CallistoFS: only governance may do this");
        _;
    }

    modifier exists(uint256 id) {
        require(id < _files.length, "CallistoFS: no such file");
        _;
    }

    /// @param _owner Registers the first host nodes and may set the prices until it sets governance (the deployment
    /// goes through a CREATE2 factory, so it is not the sender).
    /// @param _unit_price The slope of the price at zero use (see the contract's documentation).
    /// @param _floor_price The price at zero use, wei per MB; above zero.
    constructor(address _owner, uint256 _unit_price, uint256 _floor_price) {
        require(_owner != address(0), "CallistoFS: owner is the zero address");
        owner = _owner;
        _set_prices(_unit_price, _floor_price);
    }

    // ---- files -----------------------------------------------------------------------------------------------

    /// @notice Records the file `cid` of `size` bytes at `path` under the sender's home directory and holds the
    /// whole `msg.value` as its deposit, which must be at least `quote(size)`. The file is pending: its bytes are
    /// reserved at once, and count once a host node confirms it holds content of exactly `size` bytes under `cid`,
    /// which it must do within PENDING_WINDOW or the upload expires.
    function upload(string calldata cid, uint256 size, string calldata path) external payable returns (uint256 id) {
        (, uint256 deposit) = quote(size);
        require(_is_valid_cid(bytes(cid)), "CallistoFS: invalid CID");
        require(_is_valid_path(bytes(path)), "CallistoFS: invalid path");
        bytes32 path_key = keccak256(bytes(path));
        require(_file_at_path[msg.sender][path_key] == 0, "CallistoFS: path already in use");
        require(msg.value >= deposit, "CallistoFS: deposit below the quote");

        id = _files.length;
        FileEntry storage f = _files.push();
        f.owner = msg.sender;
        f.uploaded_at = uint64(block.timestamp);
        f.cid = cid;
        f.path = path;
        f.size = size;
        f.deposit = msg.value;
        f.expires_at = uint64(block.timestamp) + PENDING_WINDOW;
        _files_of[msg.sender].push(id);
        _file_at_path[msg.sender][path_key] = id + 1;
        _active_file_count += 1;
        _usage.pending += uint128(size);
        held_deposits += msg.value;
        emit FileUpload(msg.sender, id, cid, size, msg.value);
    }

    /// @notice The owner takes the whole deposit of a file back, once, whatever its status. The file is no longer
    /// guaranteed: the host nodes unpin it (copies others made may remain on IPFS), its space and its path are free
    /// again, and the nodes that confirmed it no longer count it.
    function withdraw(uint256 id) external nonReentrant exists(id) {
        FileEntry storage f = _files[id];
        require(msg.sender == f.owner, "CallistoFS: not the owner of the file");
        FileStatus status = f.status;
        require(status != FileStatus.Withdrawn, "CallistoFS: deposit already withdrawn");
        uint256 deposit = f.deposit;
        uint256 size = f.size;
        f.status = FileStatus.Withdrawn;
        f.withdrawn_at = uint64(block.timestamp);
        delete _file_at_path[msg.sender][keccak256(bytes(f.path))];
        _active_file_count -= 1;
        if (status == FileStatus.Counted) {
            _usage.used -= uint128(size);
            _counted_file_count -= 1;
            address[] storage confirmers = _confirmers[id];
            for (uint256 i = 0; i < confirmers.length; i++) {
                NodeStats storage stats = _node_stats[confirmers[i]];
                stats.files -= 1;
                stats.bytes_ -= uint192(size);
            }
        } else if (status == FileStatus.Pending) {
            _usage.pending -= uint128(size);
        }
        held_deposits -= deposit;
        emit FileWithdrawn(msg.sender, id, deposit);
        (bool ok, ) = payable(msg.sender).call{value: deposit}("");
        require(ok, "CallistoFS: transfer failed");
    }

    /// @notice Gives back the space of pending uploads whose window ended with no confirmation. Anyone may call it
    /// (the host nodes do); the deposits stay their owners' until they withdraw. Ids that are not expired pending
    /// uploads are skipped.
    /// @return released How many of `ids` this call released.
    function release_expired(uint256[] calldata ids) external returns (uint256 released) {
        for (uint256 i = 0; i < ids.length; i++) {
            uint256 id = ids[i];
            if (id >= _files.length) continue;
            FileEntry storage f = _files[id];
            if (f.status != FileStatus.Pending || block.timestamp < f.expires_at) continue;
            f.status = FileStatus.Expired;
            _usage.pending -= uint128(f.size);
            emit FileExpired(f.owner, id);
            released++;
        }
    }

    /// @notice An elected host node says it holds content of exactly the file's declared size under its CID. The
    /// first confirmation counts the file's size; each node confirms a file once, while its deposit is held, and a
    /// pending file only within its window.
    function confirm(uint256 id) external exists(id) {
        uint256 index = _node_index[msg.sender];
        require(index > 0, "CallistoFS: not an elected host node");
        FileEntry storage f = _files[id];
        FileStatus status = f.status;
        require(status != FileStatus.Withdrawn, "CallistoFS: file deposit withdrawn");
        require(
            status == FileStatus.Counted || (status == FileStatus.Pending && block.timestamp < f.expires_at),
            "CallistoFS: upload expired unconfirmed"
        );
        require(!_confirmed[id][msg.sender], "CallistoFS: already confirmed");
        _confirm(id, f, status);
    }

    /// @notice Confirms many files in one transaction, as a busy node does: one transaction a file would cap a node
    /// at one confirmation a block. Files already confirmed by this node, withdrawn, expired or unknown are skipped
    /// rather than failing the batch (a withdrawal may land between the node's read and its transaction).
    /// @return confirmed How many of `ids` this call confirmed.
    function confirm_many(uint256[] calldata ids) external returns (uint256 confirmed) {
        require(_node_index[msg.sender] > 0, "CallistoFS: not an elected host node");
        require(ids.length <= MAX_CONFIRM_BATCH, "CallistoFS: at most 200 files a batch");
        uint256 file_count_ = _files.length;
        for (uint256 i = 0; i < ids.length; i++) {
            uint256 id = ids[i];
            if (id >= file_count_) continue;
            FileEntry storage f = _files[id];
            FileStatus status = f.status;
            if (status == FileStatus.Pending ? block.timestamp >= f.expires_at : status != FileStatus.Counted) continue;
            if (_confirmed[id][msg.sender]) continue;
            _confirm(id, f, status);
            confirmed++;
        }
    }

    // ---- host nodes and prices -------------------------------------------------------------------------------

    /// @notice Elects a host node with its endpoint (http:// or https://, up to 256 bytes) and capacity in MB.
    /// Governance (an accepted election), or the owner until governance is set.
    function add_host_node(address node, string calldata endpoint, uint64 capacity_mb) external onlyAdmin {
        require(node != address(0), "CallistoFS: node is the zero address");
        require(_is_valid_endpoint(bytes(endpoint)), "CallistoFS: invalid endpoint");
        require(capacity_mb > 0, "CallistoFS: capacity is zero");
        require(_node_index[node] == 0, "CallistoFS: node is already elected");
        require(_nodes.length < MAX_HOST_NODES, "CallistoFS: at most 32 host nodes");
        _nodes.push(NodeRecord(node, endpoint, capacity_mb, uint64(block.timestamp)));
        _node_index[node] = _nodes.length;
        capacity_bytes += uint256(capacity_mb) * MB;
        emit HostNodeElected(node, endpoint, capacity_mb);
    }

    /// @notice Removes an elected host node and its capacity. Held files stay held. Same roles as add_host_node.
    /// The last node takes the removed one's place in `host_nodes()`.
    function remove_host_node(address node) external onlyAdmin {
        uint256 index = _node_index[node];
        require(index > 0, "CallistoFS: not an elected host node");
        capacity_bytes -= uint256(_nodes[index - 1].capacity_mb) * MB;
        uint256 last = _nodes.length;
        if (index != last) {
            _nodes[index - 1] = _nodes[last - 1];
            _node_index[_nodes[index - 1].node] = index;
        }
        _nodes.pop();
        delete _node_index[node];
        emit HostNodeRemoved(node);
    }

    /// @notice An elected node moves its own endpoint (its operator moved the server).
    function set_endpoint(string calldata endpoint) external {
        uint256 index = _node_index[msg.sender];
        require(index > 0, "CallistoFS: not an elected host node");
        require(_is_valid_endpoint(bytes(endpoint)), "CallistoFS: invalid endpoint");
        _nodes[index - 1].endpoint = endpoint;
        emit HostNodeEndpointChanged(msg.sender, endpoint);
    }

    /// @notice Sets the unit and floor prices (wei per MB; floor above zero, both at most MAX_PRICE). Same roles as
    /// add_host_node. Held deposits do not change: a price applies to the uploads after it.
    function set_prices(uint256 unit, uint256 floor) external onlyAdmin {
        _set_prices(unit, floor);
    }

    /// @notice Hands the node registry and the prices to the treasury governance contract; the owner's rights
    /// end. Once.
    function set_governance(address _governance) external {
        require(msg.sender == owner, "CallistoFS: only the owner may set governance");
        require(governance == address(0), "CallistoFS: governance is already set");
        require(_governance != address(0), "CallistoFS: governance is the zero address");
        governance = _governance;
        emit GovernanceSet(_governance);
    }

    // ---- views -----------------------------------------------------------------------------------------------

    /// @notice Wei per MB at `used` committed bytes: floor_price + ceil(unit_price x (C^2 - (C - used)^2) /
    /// (2 x CRR x (C - used)^2)), C = capacity_bytes. The floor when no node is elected; 2^256 - 1 (no price) at or
    /// beyond the capacity, or where the price does not fit in 256 bits.
    function price_per_mb(uint256 used) public view returns (uint256) {
        uint256 capacity = capacity_bytes;
        uint256 floor = floor_price;
        if (capacity == 0) return floor;
        if (used >= capacity) return type(uint256).max;
        uint256 free = capacity - used;
        (bool ok, uint256 extra) = _mul_div_up(unit_price, capacity * capacity - free * free, 2 * CRR * free * free);
        if (!ok || extra > type(uint256).max - floor) return type(uint256).max;
        return floor + extra;
    }

    /// @notice The price a MB after an upload of `size` bytes (what the next byte would pay) and its deposit, the
    /// area under the price curve over the bytes it takes, from the committed bytes now (see the contract's
    /// documentation). Reverts as `upload` would for an empty file, no elected node, not enough free capacity (the
    /// upload must leave some free), or a deposit beyond 256 bits.
    function quote(uint256 size) public view returns (uint256 price_per_mb_, uint256 deposit) {
        require(size > 0, "CallistoFS: file is empty");
        require(_nodes.length > 0, "CallistoFS: no host node is elected");
        Usage memory usage = _usage;
        uint256 committed = uint256(usage.used) + usage.pending;
        uint256 capacity = capacity_bytes;
        // Compared without adding, so that an absurd size gets the reason and not an overflow.
        require(committed < capacity && size < capacity - committed, "CallistoFS: not enough free capacity");
        bool ok;
        (ok, deposit) = _deposit(committed, size, capacity, unit_price, floor_price);
        require(ok, "CallistoFS: deposit beyond any balance");
        price_per_mb_ = price_per_mb(committed + size);
    }

    function totals() external view returns (Totals memory) {
        return
            Totals({
                used_bytes: _usage.used,
                pending_bytes: _usage.pending,
                capacity_bytes: capacity_bytes,
                held_deposits: held_deposits,
                file_count: _files.length,
                active_file_count: _active_file_count,
                counted_file_count: _counted_file_count,
                node_count: _nodes.length,
                unit_price: unit_price,
                floor_price: floor_price,
                price_per_mb: price_per_mb(uint256(_usage.used) + _usage.pending)
            });
    }

    /// @notice The elected host nodes (at most MAX_HOST_NODES), in no meaningful order: sort by `elected_at`. With
    /// each, the files it confirmed that are still held and their bytes.
    function host_nodes() external view returns (HostNode[] memory nodes) {
        nodes = new HostNode[](_nodes.length);
        for (uint256 i = 0; i < nodes.length; i++) {
            NodeRecord storage r = _nodes[i];
            NodeStats storage stats = _node_stats[r.node];
            nodes[i] = HostNode(r.node, r.endpoint, r.capacity_mb, r.elected_at, stats.files, stats.bytes_);
        }
    }

    /// @notice The sum of the sizes of the counted files (confirmed by a node) whose deposit is held.
    function used_bytes() external view returns (uint256) {
        return _usage.used;
    }

    /// @notice The sum of the sizes of the pending files not yet released.
    function pending_bytes() external view returns (uint256) {
        return _usage.pending;
    }

    function is_host_node(address node) external view returns (bool) {
        return _node_index[node] > 0;
    }

    function file(uint256 id) external view exists(id) returns (FileEntry memory f) {
        f = _files[id];
        f.id = id;
    }

    /// @notice How many files were ever uploaded; ids run from 0 to file_count() - 1.
    function file_count() external view returns (uint256) {
        return _files.length;
    }

    /// @notice An owner's files, newest first (offset 0 is the latest upload), withdrawn ones included, and how many
    /// there are in all.
    function files_of(
        address owner_,
        uint256 offset,
        uint256 limit
    ) external view returns (FileEntry[] memory page, uint256 total) {
        uint256[] storage ids = _files_of[owner_];
        total = ids.length;
        uint256 n = offset >= total ? 0 : total - offset;
        if (limit < n) n = limit;
        page = new FileEntry[](n);
        for (uint256 i = 0; i < n; i++) {
            uint256 id = ids[total - 1 - offset - i];
            page[i] = _files[id];
            page[i].id = id;
        }
    }

    /// @notice The nodes that confirmed a file, in confirmation order.
    function confirmers_of(uint256 id) external view exists(id) returns (address[] memory) {
        return _confirmers[id];
    }

    function confirmed_by(uint256 id, address node) external view returns (bool) {
        return _confirmed[id][node];
    }

    /// @notice The held file at `path` under `owner_`'s home directory, if any (withdrawn files free their path).
    function file_id_at_path(address owner_, string calldata path) external view returns (bool found, uint256 id) {
        uint256 stored = _file_at_path[owner_][keccak256(bytes(path))];
        if (stored == 0) return (false, 0);
        return (true, stored - 1);
    }

    // ---- internals -------------------------------------------------------------------------------------------

    function _confirm(uint256 id, FileEntry storage f, FileStatus status) private {
        uint256 size = f.size;
        _confirmed[id][msg.sender] = true;
        _confirmers[id].push(msg.sender);
        f.confirmations += 1;
        NodeStats storage stats = _node_stats[msg.sender];
        stats.files += 1;
        stats.bytes_ += uint192(size);
        emit FileConfirmed(id, msg.sender);
        if (status == FileStatus.Pending) {
            f.status = FileStatus.Counted;
            Usage memory usage = _usage;
            _usage = Usage(usage.used + uint128(size), usage.pending - uint128(size));
            _counted_file_count += 1;
            emit FileCounted(id, size);
        }
    }

    function _set_prices(uint256 unit, uint256 floor) private {
        require(floor > 0, "CallistoFS: floor price must be above zero");
        require(unit <= MAX_PRICE && floor <= MAX_PRICE, "CallistoFS: price above MAX_PRICE");
        unit_price = unit;
        floor_price = floor;
        emit PricesChanged(unit, floor);
    }

    /// @dev The area under the price curve from `used` to `used + size` bytes, in wei, rounded up (see the
    /// contract's documentation); false when it does not fit in 256 bits. Needs size > 0 and used + size <
    /// capacity. Bounds: capacity < 2^90 bytes (32 nodes of at most 2^64 MB) and prices <= MAX_PRICE < 2^100, so
    /// every product below fits except unit x size x (C^2 - AB), which goes through the 512-bit _mul_div_up.
    function _deposit(
        uint256 used,
        uint256 size,
        uint256 capacity,
        uint256 unit,
        uint256 floor
    ) private pure returns (bool ok, uint256 deposit) {
        uint256 a = capacity - used;
        uint256 b = a - size;
        uint256 base = _ceil_div(floor * size, MB);
        uint256 curve;
        (ok, curve) = _mul_div_up(unit * size, capacity * capacity - a * b, 2 * CRR * MB * a * b);
        if (!ok || curve > type(uint256).max - base) return (false, 0);
        return (true, base + curve);
    }

    /// @dev ceil(a / b) for b > 0, without the overflow of (a + b - 1) / b.
    function _ceil_div(uint256 a, uint256 b) private pure returns (uint256) {
        return a == 0 ? 0 : (a - 1) / b + 1;
    }

    /// @dev ceil(x * y / d) for d > 0 with the product taken in 512 bits; false when the result does not fit in
    /// 256 bits. The product is split into high and low words (the Chinese remainder theorem on mulmod by 2^256 - 1
    /// and the wrapped product); the exact quotient is then the low word divided by d modulo 2^256, once the
    /// remainder is taken off and the powers of two shared by d are divided out, with d's inverse modulo 2^256 by
    /// Newton's iteration (each step doubles the correct low bits: 8 from the seed, 256 after six steps).
    function _mul_div_up(uint256 x, uint256 y, uint256 d) private pure returns (bool ok, uint256 result) {
        unchecked {
            uint256 low = x * y;
            uint256 mm = mulmod(x, y, type(uint256).max);
            uint256 high = mm - low - (mm < low ? 1 : 0);
            uint256 remainder = mulmod(x, y, d);
            if (high == 0) {
                result = low / d;
            } else {
                if (high >= d) return (false, 0);
                high -= remainder > low ? 1 : 0;
                low -= remainder;
                uint256 twos = d & (0 - d);
                uint256 odd = d / twos;
                low /= twos;
                // 2^256 / twos, as (2^256 - twos) / twos + 1.
                uint256 shift = (0 - twos) / twos + 1;
                low |= high * shift;
                uint256 inverse = (3 * odd) ^ 2;
                for (uint256 i = 0; i < 6; i++) inverse *= 2 - odd * inverse;
                result = low * inverse;
            }
            if (remainder > 0) {
                if (result == type(uint256).max) return (false, 0);
                result += 1;
            }
            return (true, result);
        }
    }

    /// @dev A CIDv1 in base32 as `ipfs add --cid-version 1` prints it: 1..100 bytes of [a-z2-7], the multibase
    /// prefix 'b' first. Not a full multihash check (the host nodes verify content against it); it keeps CIDv0,
    /// other bases and stray characters out of the records the nodes and the app parse.
    function _is_valid_cid(bytes calldata cid) private pure returns (bool) {
        if (cid.length == 0 || cid.length > MAX_CID_BYTES || cid[0] != "b") return false;
        for (uint256 i = 1; i < cid.length; i++) {
            bytes1 c = cid[i];
            if (!((c >= "a" && c <= "z") || (c >= "2" && c <= "7"))) return false;
        }
        return true;
    }

    /// @dev 1..255 bytes, no control byte (below 0x20, or 0x7f), and '/'-separated segments none of which is
    /// empty, "." or "..": a leading or trailing '/' makes an empty segment. Other bytes (UTF-8 included) are
    /// allowed: the path is a name under the owner's home directory, never resolved against a file system here.
    function _is_valid_path(bytes calldata path) private pure returns (bool) {
        if (path.length == 0 || path.length > MAX_PATH_BYTES) return false;
        uint256 start = 0;
        for (uint256 i = 0; i <= path.length; i++) {
            if (i < path.length) {
                bytes1 c = path[i];
                if (c < 0x20 || c == 0x7f) return false;
                if (c != "/") continue;
            }
            if (!_is_valid_segment(path[start:i])) return false;
            start = i + 1;
        }
        return true;
    }

    function _is_valid_segment(bytes calldata segment) private pure returns (bool) {
        if (segment.length == 0) return false;
        if (segment.length == 1) return segment[0] != ".";
        if (segment.length == 2) return !(segment[0] == "." && segment[1] == ".");
        return true;
    }

    /// @dev 1..256 bytes starting with http:// or https:// (lowercase, as browsers and the nodes write it).
    function _is_valid_endpoint(bytes calldata endpoint) private pure returns (bool) {
        if (endpoint.length == 0 || endpoint.length > MAX_ENDPOINT_BYTES) return false;
        return _starts_with(endpoint, "http://") || _starts_with(endpoint, "https://");
    }

    function _starts_with(bytes calldata data, bytes memory prefix) private pure returns (bool) {
        if (data.length < prefix.length) return false;
        for (uint256 i = 0; i < prefix.length; i++) if (data[i] != prefix[i]) return false;
        return true;
    }
}
