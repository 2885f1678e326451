// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IAuditArchive} from "./interfaces/IAuditArchive.sol";

/// @title Callisto official smart-contract auditing registry
/// @notice The whitepaper's "Official Smart-contract Auditing Department": anyone asks for a free audit of a
/// contract, managers triage the requests, auditors commit to private reports, managers sign and reveal them, and
/// the registry keeps the list of audited contracts and pays auditors from a budget in proportion to their karma.
///
/// @dev Roles. The `owner` is the "security department owner manual control during the debugging stage": it
/// appoints and dismisses managers, and hands its role to the governance contract when cold stakers take over
/// (`transfer_ownership`). The `governance` contract (set once by the owner with `set_governance`) may also
/// appoint and dismiss managers, as the outcome of accepted proposals. An appointment always takes effect: when the
/// account is an auditor, the appointment ends its auditor role (so that no manager can veto an accepted proposal
/// by making the nominee an auditor first). Managers triage requests, sign and reveal reports and record verdicts.
/// Adding an auditor takes two managers: one nominates, another confirms (a single manager cannot enlist an address
/// of its own and pay it). Nobody is a manager and an auditor at once, and no manager signs or reveals a report of a
/// request it wrote a report for, even one written while it was an auditor: nobody grades its own work. Dismissed
/// managers and removed auditors stay in the lists with `active_role` false, so that the history of who signed and
/// who audited stays readable; appointing or adding them again reuses their entry.
///
/// Requests. Pending -> Approved -> InProgress -> Completed, or Rejected from Pending or Approved. Submitting is
/// free (the whitepaper: "completely free for smart-contract developers"); the fields are validated so that the
/// lists the app shows stay readable. Ids are indexes from 0.
///
/// Reports (commit and reveal, the whitepaper's "Flow of Auditing Registry"). An auditor writes a private report
/// (a secret gist) and commits keccak256 of its link with `submit_report` while the request is Approved or
/// InProgress; the link goes to the manager off-chain. Until the manager signs it, the auditor may replace the
/// commitment (a fixed link, a new gist). A commitment is accepted once in the whole registry: the commitment is the
/// hash of the link alone (the whitepaper's rule), so it does not name its auditor, and without this rule a link
/// once revealed could be committed again by someone else and credited twice. A report first committed after the
/// request went InProgress is `late`: the whitepaper lets beginners still review such a contract for karma, but it
/// does not renew their active status, so that the whole team does not pile onto one request while others wait.
/// After comparing reports the manager signs each with its `errors` (vulnerabilities another auditor found that
/// this report missed), then reveals it by publishing the link, which must hash to the commitment, once the
/// request is InProgress or Completed (a rejected request's reports earn nothing). Revealing credits the karma.
///
/// Karma. complexity is the contract's code size when the request is on this chain and the address has code, and
/// the manager's figure otherwise (other chains, other languages, not yet deployed), at most 24,576 bytes: the
/// largest code an EVM contract may have (EIP-170), so that a figure nobody can check weighs no more than the
/// largest contract that can be measured:
///     gross   = karma_per_kb * ceil(complexity_bytes / 1024)
///     penalty = error_penalty * errors
///     karma   = gross > penalty ? gross - penalty : 0
/// lib/audits/karma.ts holds the same formula for the app. (The whitepaper measures complexity with the bytecode
/// of a fixed old compiler without optimization; on-chain code size is the measure a contract can check itself.)
///
/// Payouts. Time is cut into payout periods of `payout_period` seconds from `genesis`. CLO sent to the registry
/// (`fund` or a plain transfer, e.g. a treasury payment) goes to the budget of the current period. After a period
/// ends, each auditor with karma earned in it claims budget x own karma / total karma of the period, once. The
/// claim does not require the role: karma is only earned as an auditor, and removal does not cancel past work.
/// Integer division leaves at most a few wei of each period's budget unclaimed. The budget of an ended period in
/// which no karma was earned rolls over to the current period (`roll_over`, anyone), so no budget is locked.
///
/// Encryption keys. Managers and auditors publish an X25519 public key (`set_encryption_key`), derived in their
/// browser from a wallet signature, so that an auditor can deliver a report privately: it encrypts the report for
/// every current manager's key, stores the envelope on the Callisto File System and commits with its CID
/// (`submit_report(request_id, commitment, envelope_cid)`). A dismissed manager's key stays readable (the history
/// of who could read what), but `is_manager` says it is no longer current, and the app seals for current managers
/// only.
///
/// Archive. When a manager reveals a report whose link is `ipfs://<cid>` (a bare CIDv1 in base32, as the app
/// makes), the plaintext report is stored on the Callisto File System in the same transaction: `reveal_report`
/// passes the revealing manager's msg.value (the deposit, at least the file system's quote for the size the manager
/// gives) to the `archive`, an AuditArchive contract bound to this registry and set once by the owner, which
/// uploads the file as its own. The host nodes confirm content of exactly that size under that CID, the committed
/// link's CID. The archive has no owner and never withdraws a file a host node confirmed, so no one, the paying
/// manager included, can take the copy off while it is listed; an upload no node confirmed in time is released by
/// anyone, its deposit goes back to the manager who paid it, and any manager may store the report again (see
/// AuditArchive). The archive lives in its own contract because the registry is near EIP-170's limit on code
/// size. A link of any other form (a gist, an https URL, an ipfs:// link with a path) is revealed as before, with
/// no archive and no payment; so is every link while the archive is not set.
///
/// Audited status. `is_audited` is true only for a contract of this chain whose latest completed audit passed, and
/// only while its code is the code audited: the code hash is recorded at completion and compared on every call.
contract AuditRegistry {
    enum RequestState {
        Pending,
        Approved,
        InProgress,
        Completed,
        Rejected
    }

    /// @notice Counts of findings by severity in a completed audit (the verdict's summary).
    struct Severity {
        uint16 critical;
        uint16 high;
        uint16 medium;
        uint16 low;
        uint16 owner_privileges;
    }

    struct Request {
        /// @dev The index in the request list. Not written at submission (an unused storage write costs 20,000
        /// gas): the views fill it in.
        uint256 id;
        address contract_address;
        uint256 chain_id;
        address requester;
        /// @dev https:// or ipfs:// address of the source code to audit.
        string source_url;
        string description;
        /// @dev The language or platform, e.g. "Solidity 0.8.30".
        string platform;
        RequestState state;
        string reject_reason;
        /// @dev The verdict, meaningful once Completed.
        bool passed;
        Severity severity;
        uint256 submitted_at;
        uint256 approved_at;
        uint256 started_at;
        /// @dev When the request was completed or rejected.
        uint256 closed_at;
        /// @dev Reports committed (one per auditor).
        uint256 report_count;
    }

    struct Report {
        address auditor;
        /// @dev keccak256 of the bytes of the private report link.
        bytes32 commitment;
        bool signed;
        bool revealed;
        /// @dev First committed after the request went InProgress: revealing it does not renew active status.
        bool late;
        uint256 errors;
        /// @dev The karma credited at reveal (0 before).
        uint256 karma;
        /// @dev The report link, public once revealed (empty before).
        string link;
        /// @dev The time of the latest commitment.
        uint256 committed_at;
        /// @dev The CID (CIDv1, base32) of the report encrypted for the managers, stored on the file system; empty
        /// when the report travels another way (a private gist).
        string envelope_cid;
    }

    /// @notice A manager or an auditor. `karma`, `active_until` and `reports_revealed` concern auditors only.
    struct Member {
        address account;
        /// @dev A public e-mail address or handle.
        string contact;
        bool active_role;
        uint256 karma;
        uint256 active_until;
        uint256 reports_revealed;
    }

    /// @notice An auditor proposed by one manager, waiting for another manager's confirmation.
    struct Nomination {
        address account;
        string contact;
        address nominated_by;
        uint256 nominated_at;
    }

    event OwnershipTransferred(address indexed previous_owner, address indexed new_owner);
    event GovernanceSet(address indexed governance);
    event ManagerAppointed(address indexed manager, string contact);
    event ManagerDismissed(address indexed manager);
    event AuditorNominated(address indexed auditor, address indexed manager, string contact);
    event NominationCancelled(address indexed auditor, address indexed manager);
    event AuditorAdded(address indexed auditor, string contact);
    event AuditorRemoved(address indexed auditor);
    event RequestSubmitted(uint256 indexed id, address indexed requester, address indexed contract_address);
    event RequestStateChanged(uint256 indexed id, RequestState state);
    event ReportCommitted(uint256 indexed request_id, address indexed auditor, bytes32 commitment, string envelope_cid);
    event ReportSigned(uint256 indexed request_id, address indexed auditor, uint256 errors);
    event ReportRevealed(uint256 indexed request_id, address indexed auditor, string link, uint256 karma);
    event RequestCompleted(uint256 indexed id, address indexed contract_address, bool passed);
    event Funded(address indexed from, uint256 indexed period, uint256 amount);
    event Claimed(address indexed auditor, uint256 indexed period, uint256 amount);
    event RolledOver(uint256 indexed from_period, uint256 indexed to_period, uint256 amount);
    event EncryptionKeySet(address indexed account, bytes32 public_key);
    event ArchiveSet(address indexed archive);
    uint256 public constant MAX_CONTACT_BYTES = 100;
    uint256 public constant MAX_URL_BYTES = 256;
    uint256 public constant MAX_DESCRIPTION_BYTES = 500;
    uint256 public constant MAX_PLATFORM_BYTES = 32;
    uint256 public constant MAX_REASON_BYTES = 200;
    /// @notice As CallistoFS.MAX_CID_BYTES: an envelope CID and an archived report's CID are at most this long.
    uint256 public constant MAX_CID_BYTES = 100;
    /// @notice The longest revealed report link stored, in bytes (a link is shown on every page of its request).
    uint256 public constant MAX_LINK_BYTES = 256;
    /// @notice The largest complexity a manager may give at reveal: EIP-170's limit on a contract's code, the
    /// largest size the registry can measure itself. Bounds also keep the karma arithmetic far from overflow: 1000
    /// errors a report, karma_per_kb and error_penalty below 2^128.
    uint256 public constant MAX_COMPLEXITY_BYTES = 24_576;
    uint256 public constant MAX_ERRORS = 1000;
    uint256 public constant MAX_KARMA_UNIT = type(uint128).max;

    /// @notice Seconds a revealed (not late) report keeps its auditor active.
    uint256 public immutable active_period;
    /// @notice Seconds a payout period.
    uint256 public immutable payout_period;
    /// @notice Karma a started KiB of audited code.
    uint256 public immutable karma_per_kb;
    /// @notice Karma taken off a report for each error.
    uint256 public immutable error_penalty;
    /// @notice Start of payout period 0: the block time of deployment.
    uint256 public immutable genesis;

    address public owner;
    /// @notice The treasury governance contract, which appoints and dismisses managers through accepted
    /// proposals alongside the owner. Set once by the owner; zero until then.
    address public governance;

    /// @notice The AuditArchive that stores revealed `ipfs://` reports on the Callisto File System. Set once by
    /// the owner; zero until then (reports are then revealed without an archive copy).
    address public archive;

    /// @notice Requests still open (pending, approved or in progress): the queue size, kept as a counter so that a
    /// reader needs one call, not a scan of every request.
    uint256 public open_request_count;

    mapping(uint256 => uint256) public period_budget;
    mapping(uint256 => mapping(address => uint256)) public karma_in_period;
    mapping(uint256 => uint256) public total_karma_in_period;
    mapping(uint256 => mapping(address => bool)) public claimed;
    /// @notice Budget a period received from ended periods without karma (`roll_over`); included in period_budget.
    mapping(uint256 => uint256) public rolled_over_into;
    /// @notice Whether a commitment was ever made, in any request: each is accepted once.
    mapping(bytes32 => bool) public commitment_used;
    /// @notice The code hash of a contract of this chain when its latest completed audit passed; zero otherwise.
    mapping(address => bytes32) public audited_code_hash;

    Member[] private _managers;
    Member[] private _auditors;
    /// @dev Index + 1 in the lists; 0 for an account never listed.
    mapping(address => uint256) private _manager_index;
    mapping(address => uint256) private _auditor_index;

    Request[] private _requests;
    mapping(uint256 => Report[]) private _reports;
    /// @dev Index + 1 of an auditor's report in `_reports[request_id]`; 0 without one.
    mapping(uint256 => mapping(address => uint256)) private _report_index;
    mapping(uint256 => uint256) private _revealed_count;

    /// @dev Ids of completed requests, in completion order.
    uint256[] private _audited;

    /// @dev X25519 public keys of managers and auditors; zero for none.
    mapping(address => bytes32) private _encryption_key;

    Nomination[] private _nominations;
    /// @dev Index + 1 of an account's pending nomination; 0 without one.
    mapping(address => uint256) private _nomination_index;

    uint256 private _entered = 1;

    // The role and existence checks live in private functions that the modifiers call, rather than in the
    // modifiers themselves: a modifier's body is copied into every function it guards, and with a dozen guarded
    // functions the copies alone would push the registry past EIP-170's 24,576-byte limit on contract code.
    modifier onlyOwner() {
        _check_owner();
        _;
    }

    modifier onlyOwnerOrGovernance() {
        _check_owner_or_governance();
        _;
    }

    modifier onlyManager() {
        _check_manager();
        _;
    }

    modifier onlyAuditor() {
        _check_auditor();
        _;
    }

    modifier exists(uint256 id) {
        _check_exists(id);
        _;
    }

    modifier nonReentrant() {
        require(_entered == 1, "Audits: reentrant call");
        _entered = 2;
        _;
        _entered = 1;
    }

    /// @param _owner The owner during the debugging stage (the deployment goes through a CREATE2 factory, so it
    /// is not the sender).
    /// @param _active_period Seconds a revealed report keeps its auditor active.
    /// @param _payout_period Seconds a payout period.
    /// @param _karma_per_kb Karma a started KiB of audited code (1 .. 2^128 - 1).
    /// @param _error_penalty Karma taken off a report for each error it missed (0 .. 2^128 - 1).
    constructor(
        address _owner,
        uint256 _active_period,
        uint256 _payout_period,
        uint256 _karma_per_kb,
        uint256 _error_penalty
    ) {
        require(_owner != address(0), "Audits: owner is the zero address");
        require(_active_period > 0, "Audits: active period is zero");
        require(_payout_period > 0, "Audits: payout period is zero");
        require(_karma_per_kb > 0 && _karma_per_kb <= MAX_KARMA_UNIT, "Audits: karma per KiB out of range");
        require(_error_penalty <= MAX_KARMA_UNIT, "Audits: error penalty out of range");
        owner = _owner;
        active_period = _active_period;
        payout_period = _payout_period;
        karma_per_kb = _karma_per_kb;
        error_penalty = _error_penalty;
        genesis = block.timestamp;
        emit OwnershipTransferred(address(0), _owner);
    }

    /// @notice Funding of the current payout period by a plain transfer (e.g. a treasury payment).
    receive() external payable {
        _fund();
    }

    /// @notice Adds the CLO sent to the budget of the current payout period.
    function fund() external payable {
        _fund();
    }

    // ---- roles -----------------------------------------------------------------------------------------------

    /// @notice Hands the owner role over, e.g. to the governance contract at the end of the debugging stage.
    function transfer_ownership(address new_owner) external onlyOwner {
        require(new_owner != address(0), "Audits: new owner is the zero address");
        emit OwnershipTransferred(owner, new_owner);
        owner = new_owner;
    }

    /// @notice Makes `_governance` (the treasury governance contract) able to appoint and dismiss managers through
    /// accepted proposals. The owner does it once; it cannot change afterwards.
    function set_governance(address _governance) external {
        require(msg.sender == owner, "Audits: only the owner may set governance");
        require(governance == address(0), "Audits: governance is already set");
        require(_governance != address(0), "Audits: governance is the zero address");
        governance = _governance;
        emit GovernanceSet(_governance);
    }

    /// @notice Makes `_archive` (an AuditArchive built for this registry) the store of revealed `ipfs://`
    /// reports. The owner does it once; it cannot change afterwards, so the archive's files stay under one
    /// contract's rules.
    function set_archive(address _archive) external onlyOwner {
        require(archive == address(0), "Audits: the archive is already set");
        require(IAuditArchive(_archive).registry() == address(this), "Audits: that archive is for another registry");
        archive = _archive;
        emit ArchiveSet(_archive);
    }

    /// @notice A current manager or auditor publishes its encryption public key (X25519, 32 bytes), derived in the
    /// browser from a wallet signature; auditors seal reports for the managers' keys. Replaces any earlier key.
    function set_encryption_key(bytes32 public_key) external {
        require(
            is_manager(msg.sender) || is_auditor(msg.sender),
            "Audits: only a manager or an auditor may set an encryption key"
        );
        require(public_key != bytes32(0), "Audits: encryption key is zero");
        _encryption_key[msg.sender] = public_key;
        emit EncryptionKeySet(msg.sender, public_key);
    }

    /// @notice Appoints a manager with a public contact, or updates the contact of a current one. The owner or
    /// governance (an accepted proposal). An auditor appointed manager stops being an auditor, and a pending
    /// nomination of the account is cancelled: the appointment always takes effect, and the reports it wrote as an
    /// auditor stay out of its hands (see `sign_report`).
    function appoint_manager(address account, string calldata contact) external onlyOwnerOrGovernance {
        require(account != address(0), "Audits: account is the zero address");
        _check_length(contact, 1, MAX_CONTACT_BYTES, "Audits: contact must be 1 to 100 bytes");
        if (is_auditor(account)) {
            _auditors[_auditor_index[account] - 1].active_role = false;
            emit AuditorRemoved(account);
        }
        if (_nomination_index[account] != 0) _drop_nomination(account);
        _enlist(_managers, _manager_index, account, contact);
        emit ManagerAppointed(account, contact);
    }

    /// @notice Dismisses a manager. The owner or governance (an accepted proposal).
    function dismiss_manager(address account) external onlyOwnerOrGovernance {
        require(is_manager(account), "Audits: not a manager");
        _managers[_manager_index[account] - 1].active_role = false;
        emit ManagerDismissed(account);
    }

    /// @notice First half of adding an auditor (or changing a current auditor's contact): a manager nominates the
    /// account with its public contact; another manager confirms with `confirm_auditor`. One pending nomination an
    /// account.
    function nominate_auditor(address account, string calldata contact) external onlyManager {
        require(account != address(0), "Audits: account is the zero address");
        require(!is_manager(account), "Audits: a manager cannot be an auditor");
        _check_length(contact, 1, MAX_CONTACT_BYTES, "Audits: contact must be 1 to 100 bytes");
        require(_nomination_index[account] == 0, "Audits: the account is already nominated");
        _nominations.push(Nomination(account, contact, msg.sender, block.timestamp));
        _nomination_index[account] = _nominations.length;
        emit AuditorNominated(account, msg.sender, contact);
    }

    /// @notice Second half of adding an auditor: a manager other than the nominating one, which must still be a
    /// manager, confirms the nomination. Karma and active status of a removed auditor added again are kept.
    function confirm_auditor(address account) external onlyManager {
        uint256 index = _nomination_index[account];
        require(index != 0, "Audits: the account is not nominated");
        Nomination storage n = _nominations[index - 1];
        require(n.nominated_by != msg.sender, "Audits: another manager must confirm the nomination");
        require(is_manager(n.nominated_by), "Audits: the nominating manager was dismissed");
        string memory contact = n.contact;
        _drop_nomination(account);
        _enlist(_auditors, _auditor_index, account, contact);
        emit AuditorAdded(account, contact);
    }

    /// @notice Withdraws a pending nomination: the nominating manager changing its mind, or another refusing it.
    function cancel_nomination(address account) external onlyManager {
        require(_nomination_index[account] != 0, "Audits: the account is not nominated");
        _drop_nomination(account);
        emit NominationCancelled(account, msg.sender);
    }

    /// @notice Removes an auditor: no more commitments. Reports already committed may still be signed and revealed,
    /// and karma already earned may still be claimed.
    function remove_auditor(address account) external onlyManager {
        require(is_auditor(account), "Audits: not an auditor");
        _auditors[_auditor_index[account] - 1].active_role = false;
        emit AuditorRemoved(account);
    }

    // ---- requests --------------------------------------------------------------------------------------------

    /// @notice Asks for an audit of `contract_address` on chain `chain_id`, free. `source_url` (https:// or
    /// ipfs://, up to 256 bytes) points to the source; `description` (up to 500 bytes) says what it does;
    /// `platform` (up to 32 bytes) names the language or platform.
    function submit_request(
        address contract_address,
        uint256 chain_id,
        string calldata source_url,
        string calldata description,
        string calldata platform
    ) external returns (uint256 id) {
        require(contract_address != address(0), "Audits: contract address is the zero address");
        require(chain_id > 0 && chain_id <= type(uint64).max, "Audits: chain id must be 1 to 2^64 - 1");
        _check_length(source_url, 1, MAX_URL_BYTES, "Audits: source URL must be 1 to 256 bytes");
        require(
            _starts_with(bytes(source_url), "https://") || _starts_with(bytes(source_url), "ipfs://"),
            "Audits: source URL must start with https:// or ipfs://"
        );
        _check_length(description, 1, MAX_DESCRIPTION_BYTES, "Audits: description must be 1 to 500 bytes");
        _check_length(platform, 1, MAX_PLATFORM_BYTES, "Audits: platform must be 1 to 32 bytes");

        id = _requests.length;
        Request storage r = _requests.push();
        r.contract_address = contract_address;
        r.chain_id = chain_id;
        r.requester = msg.sender;
        r.source_url = source_url;
        r.description = description;
        r.platform = platform;
        r.submitted_at = block.timestamp;
        open_request_count += 1;
        emit RequestSubmitted(id, msg.sender, contract_address);
    }

    /// @notice A manager accepts a pending request for auditing: auditors may now pick it.
    function approve(uint256 id) external onlyManager exists(id) {
        Request storage r = _requests[id];
        require(r.state == RequestState.Pending, "Audits: request is not pending");
        r.state = RequestState.Approved;
        r.approved_at = block.timestamp;
        emit RequestStateChanged(id, RequestState.Approved);
    }

    /// @notice A manager marks an approved request in progress: enough auditors picked it, and reports committed
    /// from now on are late (no renewal of active status).
    function start(uint256 id) external onlyManager exists(id) {
        Request storage r = _requests[id];
        require(r.state == RequestState.Approved, "Audits: request is not approved");
        r.state = RequestState.InProgress;
        r.started_at = block.timestamp;
        emit RequestStateChanged(id, RequestState.InProgress);
    }

    /// @notice A manager refuses a pending or approved request, with a public reason (1..200 bytes).
    function reject(uint256 id, string calldata reason) external onlyManager exists(id) {
        Request storage r = _requests[id];
        require(
            r.state == RequestState.Pending || r.state == RequestState.Approved,
            "Audits: request is not pending or approved"
        );
        _check_length(reason, 1, MAX_REASON_BYTES, "Audits: reason must be 1 to 200 bytes");
        r.state = RequestState.Rejected;
        r.reject_reason = reason;
        r.closed_at = block.timestamp;
        open_request_count -= 1;
        emit RequestStateChanged(id, RequestState.Rejected);
    }

    /// @notice A manager records the verdict of an in-progress request with at least one revealed report; the
    /// request joins the audited list (whether passed or not: the verdict and the findings are public).
    function complete(uint256 id, bool passed, Severity calldata counts) external onlyManager exists(id) {
        Request storage r = _requests[id];
        require(r.state == RequestState.InProgress, "Audits: request is not in progress");
        require(_revealed_count[id] > 0, "Audits: no report is revealed");
        r.state = RequestState.Completed;
        r.passed = passed;
        r.severity = counts;
        r.closed_at = block.timestamp;
        open_request_count -= 1;
        _audited.push(id);
        // The latest verdict on this chain decides the audited status; another chain's says nothing of the code here.
        if (r.chain_id == block.chainid) {
            address target = r.contract_address;
            audited_code_hash[target] = passed && target.code.length > 0 ? target.codehash : bytes32(0);
        }
        emit RequestStateChanged(id, RequestState.Completed);
        emit RequestCompleted(id, r.contract_address, passed);
    }

    // ---- reports ---------------------------------------------------------------------------------------------

    /// @notice An auditor commits to a private report: `commitment` = keccak256 of the bytes of its link. One
    /// report an auditor a request; it may be replaced until a manager signs it. `envelope_cid` is the CID of the
    /// report encrypted for the managers and stored on the file system (a CIDv1 in base32, as CallistoFS takes),
    /// or "" when the link reaches the managers another way.
    function submit_report(
        uint256 request_id,
        bytes32 commitment,
        string calldata envelope_cid
    ) external onlyAuditor exists(request_id) {
        Request storage r = _requests[request_id];
        require(
            r.state == RequestState.Approved || r.state == RequestState.InProgress,
            "Audits: request is not approved or in progress"
        );
        require(commitment != bytes32(0), "Audits: commitment is zero");
        require(!commitment_used[commitment], "Audits: this commitment was already made");
        require(
            bytes(envelope_cid).length == 0 || _is_valid_cid(bytes(envelope_cid)),
            "Audits: the envelope CID must be a CIDv1 in base32 (b...), at most 100 bytes"
        );
        commitment_used[commitment] = true;
        uint256 index = _report_index[request_id][msg.sender];
        Report storage report;
        if (index == 0) {
            report = _reports[request_id].push();
            _report_index[request_id][msg.sender] = _reports[request_id].length;
            report.auditor = msg.sender;
            report.late = r.state == RequestState.InProgress;
            r.report_count += 1;
            // A new report's envelope is "" already: writing "" again costs gas and changes nothing.
            if (bytes(envelope_cid).length > 0) report.envelope_cid = envelope_cid;
        } else {
            report = _reports[request_id][index - 1];
            require(!report.signed, "Audits: the report is already signed");
            // "" over "" (a gist link replacing a gist link) is skipped; an empty CID still clears the envelope of
            // the replaced commitment. A non-empty CID is written without comparing: every delivery encrypts afresh,
            // so a revised report always has a new envelope CID, and comparing would cost more than it saves.
            if (bytes(envelope_cid).length > 0 || bytes(report.envelope_cid).length > 0) {
                report.envelope_cid = envelope_cid;
            }
        }
        report.commitment = commitment;
        report.committed_at = block.timestamp;
        emit ReportCommitted(request_id, msg.sender, commitment, envelope_cid);
    }

    /// @notice A manager accepts an auditor's report after comparing it with the others, with the number of
    /// vulnerabilities other auditors found that it missed (at most 1000). Final: the commitment and the errors
    /// no longer change.
    function sign_report(uint256 request_id, address auditor, uint256 errors) external onlyManager exists(request_id) {
        RequestState state = _requests[request_id].state;
        require(
            state == RequestState.Approved || state == RequestState.InProgress,
            "Audits: request is not approved or in progress"
        );
        require(errors <= MAX_ERRORS, "Audits: at most 1000 errors");
        _check_not_an_author(request_id);
        Report storage report = _report(request_id, auditor);
        require(!report.signed, "Audits: the report is already signed");
        report.signed = true;
        report.errors = errors;
        emit ReportSigned(request_id, auditor, errors);
    }

    /// @notice A manager publishes the link of a signed report of an in-progress or completed request, which must
    /// hash to its commitment, and credits the auditor's karma (see the contract's documentation for the formula).
    /// `complexity_bytes` (1 .. 24,576) is used only when the complexity cannot be read on chain: another chain id,
    /// or no code at the address. A manager who wrote a report for the request cannot reveal its reports.
    /// For an `ipfs://<cid>` link, while the file system is set, the registry stores the report there as its own
    /// file: `archive_size` is the report's size in bytes and msg.value its deposit (at least the file system's
    /// quote). For any other link both must be 0.
    function reveal_report(
        uint256 request_id,
        address auditor,
        string calldata link,
        uint256 complexity_bytes,
        uint256 archive_size
    ) external payable nonReentrant onlyManager exists(request_id) {
        RequestState state = _requests[request_id].state;
        require(
            state == RequestState.InProgress || state == RequestState.Completed,
            "Audits: request is not in progress or completed"
        );
        _check_not_an_author(request_id);
        Report storage report = _report(request_id, auditor);
        require(report.signed, "Audits: the report is not signed");
        require(!report.revealed, "Audits: the report is already revealed");
        _check_length(link, 1, MAX_LINK_BYTES, "Audits: link must be 1 to 256 bytes");
        require(keccak256(bytes(link)) == report.commitment, "Audits: the link does not match the commitment");

        uint256 complexity = complexity_of(request_id);
        if (complexity == 0) {
            require(
                complexity_bytes > 0 && complexity_bytes <= MAX_COMPLEXITY_BYTES,
                "Audits: complexity must be 1 to 24576 bytes"
            );
            complexity = complexity_bytes;
        }
        uint256 karma = karma_for(complexity, report.errors);

        report.revealed = true;
        report.link = link;
        report.karma = karma;
        _revealed_count[request_id] += 1;

        Member storage m = _auditors[_auditor_index[auditor] - 1];
        m.karma += karma;
        m.reports_revealed += 1;
        if (!report.late) {
            uint256 until = block.timestamp + active_period;
            if (until > m.active_until) m.active_until = until;
        }
        uint256 period = current_period();
        karma_in_period[period][auditor] += karma;
        total_karma_in_period[period] += karma;
        emit ReportRevealed(request_id, auditor, link, karma);

        _archive_revealed(request_id, auditor, link, archive_size);
    }

    // ---- payouts ---------------------------------------------------------------------------------------------

    /// @notice Pays the caller's share of an ended period's budget: budget x own karma / total karma of the
    /// period. Once a period.
    function claim(uint256 period) external nonReentrant {
        uint256 amount = _check_claim(period, msg.sender);
        claimed[period][msg.sender] = true;
        emit Claimed(msg.sender, period, amount);
        (bool ok, ) = payable(msg.sender).call{value: amount}("");
        require(ok, "Audits: transfer failed");
    }

    /// @notice Moves the budget of an ended period in which no karma was earned (nobody can claim it) to the
    /// current period. Anyone.
    function roll_over(uint256 period) external {
        uint256 to = current_period();
        require(period < to, "Audits: the period has not ended");
        require(total_karma_in_period[period] == 0, "Audits: the period has karma: its auditors claim the budget");
        uint256 amount = period_budget[period];
        require(amount > 0, "Audits: nothing to roll over");
        period_budget[period] = 0;
        period_budget[to] += amount;
        rolled_over_into[to] += amount;
        emit RolledOver(period, to, amount);
    }

    /// @notice What `claim(period)` would pay `auditor` now (0 when it would revert).
    function claimable(uint256 period, address auditor) external view returns (uint256) {
        if (period >= current_period() || claimed[period][auditor]) return 0;
        return _share(period, auditor);
    }

    // ---- views -----------------------------------------------------------------------------------------------

    /// @notice The payout period of the current block: (block.timestamp - genesis) / payout_period.
    function current_period() public view returns (uint256) {
        return (block.timestamp - genesis) / payout_period;
    }

    /// @notice The karma formula: karma_per_kb x ceil(complexity_bytes / 1024), less error_penalty x errors,
    /// never below zero.
    function karma_for(uint256 complexity_bytes, uint256 errors) public view returns (uint256) {
        uint256 gross = karma_per_kb * ((complexity_bytes + 1023) / 1024);
        uint256 penalty = error_penalty * errors;
        return gross > penalty ? gross - penalty : 0;
    }

    /// @notice The code size of the request's contract when it is on this chain and has code; 0 otherwise (the
    /// manager then gives the complexity at reveal).
    function complexity_of(uint256 request_id) public view exists(request_id) returns (uint256) {
        Request storage r = _requests[request_id];
        if (r.chain_id != block.chainid) return 0;
        return r.contract_address.code.length;
    }

    function is_manager(address account) public view returns (bool) {
        uint256 index = _manager_index[account];
        return index > 0 && _managers[index - 1].active_role;
    }

    function is_auditor(address account) public view returns (bool) {
        uint256 index = _auditor_index[account];
        return index > 0 && _auditors[index - 1].active_role;
    }

    /// @notice Whether the auditor revealed a report that was not late within the last `active_period`.
    function is_active(address account) external view returns (bool) {
        uint256 index = _auditor_index[account];
        return index > 0 && _auditors[index - 1].active_role && _auditors[index - 1].active_until > block.timestamp;
    }

    /// @notice Managers ever appointed, dismissed ones included.
    function manager_count() external view returns (uint256) {
        return _managers.length;
    }

    function get_managers(uint256 offset, uint256 limit) external view returns (Member[] memory) {
        return _page(_managers, offset, limit);
    }

    /// @notice Auditors ever added, removed ones included.
    function auditor_count() external view returns (uint256) {
        return _auditors.length;
    }

    function get_auditors(uint256 offset, uint256 limit) external view returns (Member[] memory) {
        return _page(_auditors, offset, limit);
    }

    /// @notice Nominations waiting for a second manager's confirmation.
    function nomination_count() external view returns (uint256) {
        return _nominations.length;
    }

    /// @notice Pending nominations offset .. offset + limit - 1 (the order changes when one is confirmed or
    /// cancelled: the last one takes its place).
    function get_nominations(uint256 offset, uint256 limit) external view returns (Nomination[] memory page) {
        uint256 n = _clip(_nominations.length, offset, limit);
        page = new Nomination[](n);
        for (uint256 i = 0; i < n; i++) page[i] = _nominations[offset + i];
    }

    /// @notice The encryption public key `account` published; zero when none. A dismissed manager's or removed
    /// auditor's key stays readable: check `is_manager` / `is_auditor` before sealing for it.
    function encryption_key_of(address account) external view returns (bytes32) {
        return _encryption_key[account];
    }

    /// @notice Whether `account` wrote a report for the request (it then may not sign or reveal any of its reports).
    function has_report(uint256 request_id, address account) public view returns (bool) {
        return _report_index[request_id][account] != 0;
    }

    /// @notice How many requests exist; ids run from 0 to request_count() - 1.
    function request_count() external view returns (uint256) {
        return _requests.length;
    }

    function get_request(uint256 id) external view exists(id) returns (Request memory) {
        return _request_view(id);
    }

    /// @notice Requests with ids offset .. offset + limit - 1, clipped to the existing ones (empty past the end).
    function get_requests(uint256 offset, uint256 limit) external view returns (Request[] memory page) {
        uint256 n = _clip(_requests.length, offset, limit);
        page = new Request[](n);
        for (uint256 i = 0; i < n; i++) page[i] = _request_view(offset + i);
    }

    /// @notice The reports of a request, in commitment order (a few per request).
    function get_reports(uint256 request_id) external view exists(request_id) returns (Report[] memory) {
        return _reports[request_id];
    }

    /// @notice Whether `contract_address` is a contract of this chain whose latest completed audit passed, with the
    /// code it had then (a contract replaced at the same address, by SELFDESTRUCT and CREATE2, is not audited).
    /// Failed audits and audits of other chains stay in the audited list with their verdict, but return false here.
    function is_audited(address contract_address) external view returns (bool) {
        bytes32 recorded = audited_code_hash[contract_address];
        return recorded != bytes32(0) && contract_address.codehash == recorded;
    }

    function audited_count() external view returns (uint256) {
        return _audited.length;
    }

    /// @notice Completed requests, newest first: offset 0 is the latest completion.
    function get_audited(uint256 offset, uint256 limit) external view returns (Request[] memory page) {
        uint256 count = _audited.length;
        uint256 n = _clip(count, offset, limit);
        page = new Request[](n);
        for (uint256 i = 0; i < n; i++) page[i] = _request_view(_audited[count - 1 - offset - i]);
    }

    // ---- internals -------------------------------------------------------------------------------------------

    /// @dev Hands a revealed `ipfs://<cid>` report to the archive with the caller's msg.value as its deposit (the
    /// file system's revert reason, a deposit below the quote say, reaches the caller); any other link takes no
    /// size and no CLO, so that nothing is paid for an archive that is not made.
    function _archive_revealed(uint256 request_id, address auditor, string calldata link, uint256 size) private {
        if (archive != address(0) && _is_ipfs_cid_link(bytes(link))) {
            // The archive reads the revealed link back from the registry: it stores nothing the registry did not list.
            IAuditArchive(archive).store{value: msg.value}(request_id, auditor, msg.sender, size);
        } else {
            require(size == 0 && msg.value == 0, "Audits: only an ipfs:// report link is archived: send no size and no CLO");
        }
    }

    /// @dev `ipfs://` then a bare CIDv1 in base32: the links the archive stores.
    function _is_ipfs_cid_link(bytes calldata link) private pure returns (bool) {
        return link.length > 7 && _starts_with(link, "ipfs://") && _is_valid_cid(link[7:]);
    }

    /// @dev As CallistoFS: 1..100 bytes of [a-z2-7], the multibase prefix 'b' first.
    function _is_valid_cid(bytes calldata cid) private pure returns (bool) {
        if (cid.length == 0 || cid.length > MAX_CID_BYTES || cid[0] != "b") return false;
        for (uint256 i = 1; i < cid.length; i++) {
            bytes1 c = cid[i];
            if (!((c >= "a" && c <= "z") || (c >= "2" && c <= "7"))) return false;
        }
        return true;
    }

    /// @dev A request as the views return it, its id filled in. One copy routine for the three views: the
    /// storage-to-memory copy of a Request is about a kilobyte of code each time the compiler writes it out.
    function _request_view(uint256 id) private view returns (Request memory r) {
        r = _requests[id];
        r.id = id;
    }

    function _check_owner() private view {
        require(msg.sender == owner, "Audits: only the owner may do this");
    }

    function _check_owner_or_governance() private view {
        // governance is zero until set, and no call comes from the zero address.
        require(msg.sender == owner || msg.sender == governance, "Audits: only the owner or governance may do this");
    }

    function _check_manager() private view {
        require(is_manager(msg.sender), "Audits: only a manager may do this");
    }

    function _check_auditor() private view {
        require(is_auditor(msg.sender), "Audits: only an auditor may do this");
    }

    function _check_exists(uint256 id) private view {
        require(id < _requests.length, "Audits: no such request");
    }

    function _fund() private {
        uint256 period = current_period();
        period_budget[period] += msg.value;
        emit Funded(msg.sender, period, msg.value);
    }

    function _check_claim(uint256 period, address auditor) private view returns (uint256 amount) {
        require(period < current_period(), "Audits: the period has not ended");
        require(karma_in_period[period][auditor] > 0, "Audits: no karma in this period");
        require(!claimed[period][auditor], "Audits: already claimed");
        amount = _share(period, auditor);
        require(amount > 0, "Audits: nothing to claim");
    }

    function _share(uint256 period, address auditor) private view returns (uint256) {
        uint256 total = total_karma_in_period[period];
        if (total == 0) return 0;
        return (period_budget[period] * karma_in_period[period][auditor]) / total;
    }

    /// @dev Nobody grades its own work: a manager who wrote a report for the request (as an auditor, before its
    /// appointment) signs and reveals none of the request's reports, its own included.
    function _check_not_an_author(uint256 request_id) private view {
        require(!has_report(request_id, msg.sender), "Audits: you wrote a report for this request");
    }

    function _drop_nomination(address account) private {
        uint256 index = _nomination_index[account];
        uint256 last = _nominations.length;
        if (index != last) {
            Nomination storage moved = _nominations[last - 1];
            _nominations[index - 1] = moved;
            _nomination_index[moved.account] = index;
        }
        _nominations.pop();
        delete _nomination_index[account];
    }

    function _report(uint256 request_id, address auditor) private view returns (Report storage) {
        uint256 index = _report_index[request_id][auditor];
        require(index > 0, "Audits: no report from this auditor");
        return _reports[request_id][index - 1];
    }

    function _enlist(
        Member[] storage list,
        mapping(address => uint256) storage index_of,
        address account,
        string memory contact
    ) private {
        uint256 index = index_of[account];
        if (index == 0) {
            list.push();
            index = list.length;
            index_of[account] = index;
            list[index - 1].account = account;
        }
        Member storage m = list[index - 1];
        m.contact = contact;
        m.active_role = true;
    }

    function _page(Member[] storage list, uint256 offset, uint256 limit) private view returns (Member[] memory page) {
        uint256 n = _clip(list.length, offset, limit);
        page = new Member[](n);
        for (uint256 i = 0; i < n; i++) page[i] = list[offset + i];
    }

    function _clip(uint256 count, uint256 offset, uint256 limit) private pure returns (uint256) {
        if (offset >= count) return 0;
        uint256 n = count - offset;
        return limit < n ? limit : n;
    }

    function _check_length(string calldata text, uint256 min, uint256 max, string memory reason) private pure {
        uint256 length = bytes(text).length;
        require(length >= min && length <= max, reason);
    }

    function _starts_with(bytes calldata data, bytes memory prefix) private pure returns (bool) {
        if (data.length < prefix.length) return false;
        for (uint256 i = 0; i < prefix.length; i++) if (data[i] != prefix[i]) return false;
        return true;
    }
}
