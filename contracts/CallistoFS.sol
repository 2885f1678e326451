// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title Callisto File System: refundable storage deposits and the registry of IPFS host nodes
/// @notice Anyone stores a file on the elected IPFS host nodes by recording its CID here with a CLO deposit, held by
/// this contract for as long as the owner wants the file kept, and returned whole on `withdraw`. The host nodes
/// watch `FileUpload` and `FileWithdrawn`, pin and unpin the content, and `confirm` each file they hold: the
/// confirmations a node made are the statistics of processed requests that its salary proposals look at.
///
/// @dev Units. Sizes are bytes; prices are wei per MB, where 1 MB = 1,048,576 bytes (2^20, `MB`). A host node's
/// capacity is given in whole MB.
///
/// Pricing (the Bancor formula of the seed article, Price = Balance / (Supply x CRR), with a constant reserve
/// ratio CRR = 10, Balance = the storage consumed and Supply = the storage the host nodes offer):
///     used_bytes     = the sum of the sizes of the files whose deposit is held
///     capacity_bytes = the sum over elected nodes of capacity_mb x MB
///     price_per_mb(used) = max(floor_price, ceil(unit_price x used / (capacity_bytes x CRR)))     [wei per MB]
///     quote(size): p = price_per_mb(used_bytes + size), deposit = ceil(size x p / MB)           [wei]
/// The price is taken at the utilisation after the upload, so that one large upload pays the price of the
/// capacity it consumes, and it rises linearly from the floor to unit_price / CRR a MB at full capacity. Both
/// divisions round up: rounding always favours the contract (storage is never sold below the formula), by at most
/// one wei a MB and one wei a deposit. The floor (above zero) keeps storage from ever being free. lib/files/pricing.ts
/// holds the same formula for the app and the host nodes; a property test compares the two.
///
/// Refusals. An upload of 0 bytes, with no elected node, or that would take `used_bytes` above `capacity_bytes` is
/// refused. Removing a node may leave `used_bytes` above `capacity_bytes`: held files stay held (their deposits are
/// the owners'), the price keeps following the formula, and uploads are refused until capacity returns.
///
/// Files. A file is recorded under its owner's home directory at a relative path (the EOS.IO storage design the
/// seed cites): one held file a path and owner; the path is free again once the deposit is withdrawn. The deposit is
/// the whole `msg.value` (at least the quote), kept exactly and returned exactly, once. Ids count from 0.
///
/// Roles. The `owner` registers the first host nodes and sets the prices at deployment, then hands both rights to
/// the treasury governance contract with `set_governance` (once). From then on only governance (accepted
/// proposals) elects and removes nodes and changes prices. A node may move its own endpoint.
///
/// Safety. The only transfer is the deposit back to its owner in `withdraw`, after every state change
/// (checks-effects-interactions) and behind a reentrancy guard. The contract accepts no CLO but deposits, so its
/// balance is `held_deposits`.
contract CallistoFS {
    struct HostNode {
        address node;
        /// @dev http:// or https:// base URL of the node's HTTP API (upload, gateway, health).
        string endpoint;
        uint64 capacity_mb;
        uint64 elected_at;
        /// @dev Files this node confirmed since its election.
        uint64 confirmations;
    }

    struct FileEntry {
        /// @dev The index in the file list. Not written at upload (it is the index, and an unused storage write
        /// costs 20,000 gas): the views fill it in.
        uint256 id;
        address owner;
        /// @dev CIDv1 in base32 (`ipfs add --cid-version 1`).
        string cid;
        /// @dev Relative to the owner's home directory.
        string path;
        uint256 size;
        uint256 deposit;
        uint64 uploaded_at;
        /// @dev 0 while the deposit is held.
        uint64 withdrawn_at;
        uint32 confirmations;
    }

    struct Totals {
        uint256 used_bytes;
        uint256 capacity_bytes;
        uint256 held_deposits;
        uint256 file_count;
        uint256 active_file_count;
        uint256 node_count;
        uint256 unit_price;
        uint256 floor_price;
        /// @dev price_per_mb(used_bytes) now: the floor when there is no capacity.
        uint256 price_per_mb;
    }

    event FileUpload(address indexed owner, uint256 indexed id, string cid, uint256 size, uint256 deposit);
    event FileWithdrawn(address indexed owner, uint256 indexed id, uint256 deposit);
    event FileConfirmed(uint256 indexed id, address indexed node);
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
    /// @notice Most files one `confirm_many` takes: keeps a batch well inside a block's gas (about 30,000 a file).
    uint256 public constant MAX_CONFIRM_BATCH = 200;

    /// @notice Registers the first nodes and sets prices until governance is set.
    address public owner;
    /// @notice The treasury governance contract; zero until the owner sets it, once.
    address public governance;
    /// @notice Wei per MB at full capacity x CRR (the price at full capacity is unit_price / CRR).
    uint256 public unit_price;
    /// @notice The lowest price, wei per MB; above zero.
    uint256 public floor_price;
    /// @notice The sum of the sizes of the files whose deposit is held.
    uint256 public used_bytes;
    /// @notice The sum over elected nodes of capacity_mb x MB.
    uint256 public capacity_bytes;
    /// @notice The sum of the deposits held: the contract's balance.
    uint256 public held_deposits;

    HostNode[] private _nodes;
    /// @dev Index + 1 in `_nodes`; 0 for an account that is not an elected node.
    mapping(address => uint256) private _node_index;

    FileEntry[] private _files;
    uint256 private _active_file_count;
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
    /// @param _unit_price Wei per MB, scaled by utilisation / CRR (see the contract's documentation).
    /// @param _floor_price The lowest price, wei per MB; above zero.
    constructor(address _owner, uint256 _unit_price, uint256 _floor_price) {
        require(_owner != address(0), "CallistoFS: owner is the zero address");
        owner = _owner;
        _set_prices(_unit_price, _floor_price);
    }

    // ---- files -----------------------------------------------------------------------------------------------

    /// @notice Records the file `cid` of `size` bytes at `path` under the sender's home directory and holds the
    /// whole `msg.value` as its deposit, which must be at least `quote(size)`. The host nodes then fetch, pin and
    /// confirm it.
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
        f.cid = cid;
        f.path = path;
        f.size = size;
        f.deposit = msg.value;
        f.uploaded_at = uint64(block.timestamp);
        _files_of[msg.sender].push(id);
        _file_at_path[msg.sender][path_key] = id + 1;
        _active_file_count += 1;
        used_bytes += size;
        held_deposits += msg.value;
        emit FileUpload(msg.sender, id, cid, size, msg.value);
    }

    /// @notice The owner takes the whole deposit of a file back, once. The file is no longer guaranteed: the host
    /// nodes unpin it (copies others made may remain on IPFS), and its path is free again.
    function withdraw(uint256 id) external nonReentrant exists(id) {
        FileEntry storage f = _files[id];
        require(msg.sender == f.owner, "CallistoFS: not the owner of the file");
        require(f.withdrawn_at == 0, "CallistoFS: deposit already withdrawn");
        uint256 deposit = f.deposit;
        f.withdrawn_at = uint64(block.timestamp);
        delete _file_at_path[msg.sender][keccak256(bytes(f.path))];
        _active_file_count -= 1;
        used_bytes -= f.size;
        held_deposits -= deposit;
        emit FileWithdrawn(msg.sender, id, deposit);
        (bool ok, ) = payable(msg.sender).call{value: deposit}("");
        require(ok, "CallistoFS: transfer failed");
    }

    /// @notice An elected host node says it holds a file whose deposit is held; once a node and file.
    function confirm(uint256 id) external exists(id) {
        uint256 index = _node_index[msg.sender];
        require(index > 0, "CallistoFS: not an elected host node");
        FileEntry storage f = _files[id];
        require(f.withdrawn_at == 0, "CallistoFS: file deposit withdrawn");
        require(!_confirmed[id][msg.sender], "CallistoFS: already confirmed");
        _confirm(id, index);
    }

    /// @notice Confirms many files in one transaction, as a busy node does: one transaction a file would cap a node
    /// at one confirmation a block. Files already confirmed by this node, withdrawn or unknown are skipped rather
    /// than failing the batch (a withdrawal may land between the node's read and its transaction).
    /// @return confirmed How many of `ids` this call confirmed.
    function confirm_many(uint256[] calldata ids) external returns (uint256 confirmed) {
        uint256 index = _node_index[msg.sender];
        require(index > 0, "CallistoFS: not an elected host node");
        require(ids.length <= MAX_CONFIRM_BATCH, "CallistoFS: at most 200 files a batch");
        for (uint256 i = 0; i < ids.length; i++) {
            uint256 id = ids[i];
            if (id >= _files.length || _files[id].withdrawn_at != 0 || _confirmed[id][msg.sender]) continue;
            _confirm(id, index);
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
        _nodes.push(HostNode(node, endpoint, capacity_mb, uint64(block.timestamp), 0));
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

    /// @notice Sets the unit and floor prices (wei per MB; floor above zero). Same roles as add_host_node. Held
    /// deposits do not change: a price applies to the uploads after it.
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

    /// @notice Wei per MB at `used` bytes of use: max(floor_price, ceil(unit_price x used / (capacity_bytes x
    /// CRR))); the floor when no node is elected.
    function price_per_mb(uint256 used) public view returns (uint256) {
        uint256 capacity = capacity_bytes;
        uint256 floor = floor_price;
        if (capacity == 0) return floor;
        uint256 price = _ceil_div(unit_price * used, capacity * CRR);
        return price > floor ? price : floor;
    }

    /// @notice The price a MB and the deposit for an upload of `size` bytes now, at the utilisation after it.
    /// Reverts as `upload` would for an empty file, no elected node or not enough free capacity.
    function quote(uint256 size) public view returns (uint256 price_per_mb_, uint256 deposit) {
        require(size > 0, "CallistoFS: file is empty");
        require(_nodes.length > 0, "CallistoFS: no host node is elected");
        uint256 used = used_bytes;
        uint256 capacity = capacity_bytes;
        // Compared without adding, so that an absurd size gets the reason and not an overflow.
        require(used <= capacity && size <= capacity - used, "CallistoFS: not enough free capacity");
        price_per_mb_ = price_per_mb(used + size);
        deposit = _ceil_div(size * price_per_mb_, MB);
    }

    function totals() external view returns (Totals memory) {
        return
            Totals({
                used_bytes: used_bytes,
                capacity_bytes: capacity_bytes,
                held_deposits: held_deposits,
                file_count: _files.length,
                active_file_count: _active_file_count,
                node_count: _nodes.length,
                unit_price: unit_price,
                floor_price: floor_price,
                price_per_mb: price_per_mb(used_bytes)
            });
    }

    /// @notice The elected host nodes (at most MAX_HOST_NODES), in no meaningful order: sort by `elected_at`.
    function host_nodes() external view returns (HostNode[] memory) {
        return _nodes;
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

    function _confirm(uint256 id, uint256 node_index) private {
        _confirmed[id][msg.sender] = true;
        _confirmers[id].push(msg.sender);
        _files[id].confirmations += 1;
        _nodes[node_index - 1].confirmations += 1;
        emit FileConfirmed(id, msg.sender);
    }

    function _set_prices(uint256 unit, uint256 floor) private {
        require(floor > 0, "CallistoFS: floor price must be above zero");
        unit_price = unit;
        floor_price = floor;
        emit PricesChanged(unit, floor);
    }

    /// @dev ceil(a / b) for b > 0, without the overflow of (a + b - 1) / b.
    function _ceil_div(uint256 a, uint256 b) private pure returns (uint256) {
        return a == 0 ? 0 : (a - 1) / b + 1;
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
