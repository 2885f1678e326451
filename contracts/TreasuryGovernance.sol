// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IAuditRegistry} from "./interfaces/IAuditRegistry.sol";
import {ICallistoFS} from "./interfaces/ICallistoFS.sol";
import {IColdStaking} from "./interfaces/IColdStaking.sol";

/// @title Callisto treasury and cold-staker governance
/// @notice The treasury of the whitepaper's "Final stage": it holds the treasury share of every block reward (a plain
/// balance credit, no call) and donations, and pays it out only to development proposals that cold stakers accepted.
/// Anyone may submit a proposal against a refundable deposit; only cold stakers vote, with their stake as weight.
///
/// @dev Life of a proposal:
///
/// Epochs. Time is cut into epochs of `epoch_length` seconds from `genesis` (27 days on mainnet, one cold staking
/// round). A proposal submitted in epoch E is voted during the whole of epoch E + 1 (`voting_epoch`), so every
/// proposal gets a full epoch of voting whatever the moment it was submitted, and voters get time to read it.
///
/// Votes. Weight is the voter's stake in the cold staking contract at the time of the vote. A voter may change the
/// vote during the voting epoch: the previous weight leaves the previous choice and the current stake goes to the
/// new one, so the tallies always equal the sum of the recorded votes. Each vote holds the voter's stake in the
/// staking contract until the vote ends: the same coins cannot vote, be withdrawn, be staked from another address
/// and vote again. Stakes only grow while held (withdrawal and abuse reports are the only ways out), so a recorded
/// weight is always still staked when the vote ends.
///
/// Evaluation. During the epoch after the vote (the evaluation epoch, voting_epoch + 1), anyone evaluates the
/// proposal, once. The outcome depends only on the state at the end of the voting epoch: without a quorum of the
/// stake staked at that moment (turnout x 10000 < quorum x the cold staking contract's
/// `total_staked_at_end_of(voting_epoch)`, the quorum being the one in force at submission) it fails for not
/// enough votes; otherwise more weight for than against accepts it (a tie rejects: a change needs a majority).
/// Abstentions count for the quorum only. Nobody can move the outcome by staking or withdrawing after the vote,
/// nor by choosing when to evaluate. A proposal nobody evaluated during its evaluation epoch can only expire
/// (`expire`, anyone): nothing is carried out, so an old decision never executes in a later context (a host node
/// paid for epochs before its election, an election replayed after a removal).
///
/// Deposits. The deposit goes back to the author in every case (evaluated, expired or withdrawn): it exists to make
/// spam cost capital for a while, not to punish a rejected idea. Evaluation and expiry credit it to the author
/// (`refund_owed`), who takes it with `withdraw_refund`: a pull payment, so an author that refuses CLO cannot
/// block or time the evaluation of its proposal. Only the author's own `withdraw` sends the deposit at once.
///
/// Payment. An accepted funding proposal is due `amount_per_epoch` in each of its `epochs` epochs from the epoch it
/// was accepted in (the execution epoch). Anyone may trigger `pay`, which sends every due and unpaid epoch to the
/// payee in one transfer: a payee who missed epochs loses nothing, and nobody can redirect a payment. When the
/// treasury cannot cover the payment the call reverts and the epochs stay due for later. An executed host node
/// election pays the node's salary the same way (the node is the payee), from the epoch the node was elected in
/// (or the next one: see "Host node salaries").
/// A payment to the cold staking contract is made with its `DEBUG_donation`, so that it adds to the stakers' reward
/// pool instead of becoming a stake of the treasury's (its plain `receive` stakes).
///
/// Execution on the project's contracts. An accepted AppointAuditManager or DismissAuditManager proposal calls
/// `appoint_manager` or `dismiss_manager` of the fixed `audit_registry`; an accepted ElectHostNode or
/// RemoveHostNode proposal calls `add_host_node` or `remove_host_node` of the fixed `file_system`, and a change of
/// StorageUnitPrice or StorageFloorPrice calls its `set_prices` (the other price unchanged). Both contracts'
/// owners made this contract their governance. Each call runs with a fixed gas budget and its failure is caught:
/// when the target refuses (e.g. the account became an auditor meanwhile, the node is already elected) the
/// proposal stays Accepted with `executed` false and `ExecutionFailed` says why, so evaluation never gets stuck.
/// `evaluate` requires enough gas for that budget, so that nobody can make the call fail on purpose by sending too
/// little. Without a registry or a file system on the chain (zero address) their kinds are refused at submission.
///
/// Host node salaries. An election's salary is committed only when the file system accepted the node, and is
/// paid like funding. The executed election of each node is remembered (`election_of`): when an accepted removal
/// of that node executes, the salary epochs after the current one are cancelled (the election's `epochs` drops
/// to the epochs up to the current one, which stay payable) and their commitment is released (`SalaryEnded`).
/// The removal's own epoch is therefore paid by the ended salary; a new election of the same node that executes
/// in that same epoch (voted in its own vote, evaluated after the removal) starts its salary in the next epoch
/// (`salary_free_from`), so that no epoch pays one node two salaries. It still pays its whole number of epochs.
///
/// Parameters. Every parameter has hard bounds (MIN_ and MAX_ constants) and moves a bounded step per accepted
/// change: the quorum by at most MAX_QUORUM_STEP_BPS, the deposit and the storage prices by at most x2 or /2. The
/// step is checked at submission against the current value and again when the change executes (against the
/// value then; a change that no longer fits stays Accepted with `executed` false and says why). So no sequence of
/// accepted changes can make submitting or passing a proposal impossible: the deposit stays affordable and the
/// quorum at most MAX_QUORUM_BPS of the stake.
///
/// Safety. No proposal can call an arbitrary address: a funding proposal only sends CLO to its payee, a
/// parameter change only writes one of four parameters within the bounds above (two of them through the file
/// system's `set_prices`), an audit manager change only calls one of two functions of the fixed
/// audit registry, and a host node change one of two functions of the fixed file system. There is no owner;
/// the parameters change only through proposals. Deposits of proposals in voting are never spent on payments.
contract TreasuryGovernance {
    /// @notice What a proposal does when accepted. Later versions append kinds.
    enum Kind {
        Funding,
        SetParameter,
        AppointAuditManager,
        DismissAuditManager,
        ElectHostNode,
        RemoveHostNode
    }

    /// @notice The parameters a SetParameter proposal may change. The storage prices are the file system's, in wei
    /// per MB.
    enum Param {
        Quorum,
        SubmissionDeposit,
        StorageUnitPrice,
        StorageFloorPrice
    }

    /// @notice Voting until evaluated or withdrawn. An accepted funding proposal is "being paid" or "completed"
    /// according to its `paid_epochs`, which the app derives.
    enum Status {
        Voting,
        Accepted,
        Rejected,
        NotEnoughVotes,
        Withdrawn,
        /// Not evaluated during its evaluation epoch: nothing was carried out, the deposit was credited back.
        Expired
    }

    /// @notice A voter's choice; None means no vote.
    enum Choice {
        None,
        For,
        Against,
        Abstain
    }

    struct Proposal {
        /// @dev The index in the proposal list. Not written at submission (it is the index, and an unused storage
        /// write costs 20,000 gas): the views fill it in.
        uint256 id;
        Kind kind;
        Status status;
        address author;
        /// @dev The quorum in force at submission, which decides this proposal (shares a slot with the three above).
        uint16 quorum_bps;
        string title;
        /// @dev ipfs:// or https:// address of the full description; `description_hash` is the keccak256 of its
        /// content, so that the text voters read cannot change after submission unnoticed.
        string description_url;
        bytes32 description_hash;
        // Funding and ElectHostNode: the payee (the node), the CLO a epoch and the number of epochs (zero for other
        // kinds). An executed removal of the node lowers an election's `epochs` to the epochs up to the removal.
        address payee;
        uint256 amount_per_epoch;
        uint8 epochs;
        uint8 paid_epochs;
        uint256 voting_epoch;
        /// @dev Set when a funding proposal is accepted or an election executes: the epoch it happened in (always
        /// voting_epoch + 1, the evaluation epoch), or for an election the next epoch when an ended salary of the
        /// same node still covers the execution epoch (see `salary_free_from`). Zero before.
        uint256 first_pay_epoch;
        // SetParameter: which parameter and its new value; ElectHostNode: the capacity in MB in `param_value`
        // (Quorum and 0 for other kinds).
        Param param;
        uint256 param_value;
        /// @dev The deposit paid at submission; credited back at evaluation or expiry, sent back at withdrawal.
        uint256 deposit;
        uint256 votes_for;
        uint256 votes_against;
        uint256 votes_abstain;
        /// @dev The quorum's denominator: all CLO staked at the end of the voting epoch. Zero until evaluated.
        uint256 total_staked_at_vote_end;
        // AppointAuditManager / DismissAuditManager: the manager and, when appointing, the public contact;
        // ElectHostNode / RemoveHostNode: the node and, when electing, its endpoint URL.
        address subject;
        string contact;
        /// @dev The accepted action took effect (always for Funding and for quorum and deposit changes; for the
        /// kinds executed on the audit registry or the file system, when the call succeeded). False until accepted.
        bool executed;
    }

    struct Vote {
        Choice choice;
        uint256 weight;
    }

    /// @notice A proposal was submitted; its id is its index, from 0.
    event ProposalSubmitted(uint256 indexed id, address indexed author, Kind kind, string title);
    /// @notice A cold staker voted or changed the vote; `weight` is the stake counted.
    event VoteCast(uint256 indexed id, address indexed voter, Choice choice, uint256 weight);
    /// @notice A proposal was evaluated after its vote, with its final tallies.
    event ProposalEvaluated(
        uint256 indexed id,
        Status status,
        uint256 votes_for,
        uint256 votes_against,
        uint256 votes_abstain
    );
    /// @notice Due epochs of an accepted funding proposal were paid to its payee.
    event PaymentMade(uint256 indexed id, address indexed payee, uint256 epochs_paid, uint256 amount);
    /// @notice The author withdrew a proposal before the end of its vote.
    event ProposalWithdrawn(uint256 indexed id);
    /// @notice Nobody evaluated the proposal during its evaluation epoch; it expired and nothing was carried out.
    event ProposalExpired(uint256 indexed id);
    /// @notice A proposal's deposit was credited to its author, who takes it with `withdraw_refund`.
    event RefundCredited(uint256 indexed id, address indexed author, uint256 amount);
    /// @notice An author took the refunds credited to it.
    event RefundWithdrawn(address indexed author, uint256 amount);
    /// @notice An accepted SetParameter proposal changed a parameter.
    event ParameterChanged(Param param, uint256 value);
    /// @notice The audit registry or the file system refused an accepted proposal's action; it stays Accepted.
    event ExecutionFailed(uint256 indexed id, string reason);
    /// @notice An executed removal (`removal_id`) of a host node cancelled the salary epochs of its election (`id`)
    /// after the current epoch and released their commitment.
    event SalaryEnded(uint256 indexed id, uint256 indexed removal_id, uint256 epochs_cancelled, uint256 amount);
    /// @notice CLO sent to the treasury with a call (block rewards arrive without one and emit nothing).
    event Donation(address indexed from, uint256 amount);

    uint256 public constant MAX_TITLE_BYTES = 120;
    uint256 public constant MAX_URL_BYTES = 256;
    uint8 public constant MAX_EPOCHS = 12;
    uint16 public constant BPS = 10000;
    uint256 public constant MAX_CONTACT_BYTES = 100;
    /// @notice A host node's endpoint URL, as the file system bounds it.
    uint256 public constant MAX_ENDPOINT_BYTES = 256;
    /// @notice Gas given to the call an accepted proposal makes to the audit registry or the file system.
    uint256 public constant EXECUTION_GAS = 500_000;
    /// @notice Quorum bounds, basis points of all staked CLO: at least 1% (a handful of coins cannot decide alone),
    /// at most 30% (a large holder who never votes cannot fail every proposal, a repair included).
    uint16 public constant MIN_QUORUM_BPS = 100;
    /// @notice See MIN_QUORUM_BPS.
    uint16 public constant MAX_QUORUM_BPS = 3000;
    /// @notice The most one accepted change moves the quorum, in basis points.
    uint16 public constant MAX_QUORUM_STEP_BPS = 500;
    /// @notice Submission deposit bounds: enough to cost spam capital, never more than an ordinary author can lock.
    uint256 public constant MIN_SUBMISSION_DEPOSIT = 1 ether;
    /// @notice See MIN_SUBMISSION_DEPOSIT.
    uint256 public constant MAX_SUBMISSION_DEPOSIT = 100_000 ether;
    /// @notice Bounds of the file system's unit price a proposal may set, wei per MB (0.001 to 1,000 CLO).
    uint256 public constant MIN_UNIT_PRICE = 1e15;
    /// @notice See MIN_UNIT_PRICE.
    uint256 public constant MAX_UNIT_PRICE = 1e21;
    /// @notice Bounds of the file system's floor price a proposal may set, wei per MB (0.000001 to 10 CLO).
    uint256 public constant MIN_FLOOR_PRICE = 1e12;
    /// @notice See MIN_FLOOR_PRICE.
    uint256 public constant MAX_FLOOR_PRICE = 1e19;

    /// @notice The cold staking contract: vote weights and holds.
    IColdStaking public immutable staking;
    /// @notice The audit registry whose managers proposals appoint and dismiss; zero on a chain without one.
    IAuditRegistry public immutable audit_registry;
    /// @notice The Callisto File System whose host nodes and prices proposals change; zero on a chain without one.
    ICallistoFS public immutable file_system;
    /// @notice Seconds an epoch (27 days on mainnet).
    uint256 public immutable epoch_length;
    /// @notice Start of epoch 0: the block time of deployment.
    uint256 public immutable genesis;

    /// @notice The share of all staked CLO, in basis points, that must vote (for, against or abstain).
    uint16 public quorum_bps;
    /// @notice The exact deposit a new proposal carries, refunded at evaluation or withdrawal.
    uint256 public submission_deposit;
    /// @notice The sum of the deposits of proposals still in voting: not spendable on payments.
    uint256 public held_deposits;
    /// @notice Deposits credited back to each author and not yet withdrawn (`withdraw_refund`).
    mapping(address => uint256) public refund_owed;
    /// @notice The sum of `refund_owed` over all authors: not spendable on payments.
    uint256 public total_refunds_owed;
    /// @notice The CLO accepted funding proposals and executed elections committed to each epoch (a record:
    /// payments do not lower it; an executed removal of a node releases its salary's cancelled epochs).
    mapping(uint256 => uint256) public committed_in_epoch;

    Proposal[] private _proposals;
    /// @dev Id + 1 of the executed election whose salary a node draws; 0 for none (never elected through a
    /// proposal, or removed since).
    mapping(address => uint256) private _election_of;
    /// @notice The first epoch a new election of `node` may pay: the epoch after the last one the salary of its
    /// ended (removed) election covers; 0 when none ended. An election executing earlier starts its salary there.
    mapping(address => uint256) public salary_free_from;
    mapping(uint256 => mapping(address => Vote)) private _votes;
    uint256 private _entered = 1;

    modifier nonReentrant() {
        require(_entered == 1, "Treasury: reentrant call");
        _entered = 2;
        _;
        _entered = 1;
    }

    modifier exists(uint256 id) {
        require(id < _proposals.length, "Treasury: no such proposal");
        _;
    }

    /// @param _staking The cold staking contract, whose owner must then make this contract its governance.
    /// @param _epoch_length Seconds an epoch (mainnet: 27 days, a cold staking round).
    /// @param _quorum_bps Initial quorum, MIN_QUORUM_BPS..MAX_QUORUM_BPS basis points of all staked CLO (e.g. 1000 =
    /// 10%).
    /// @param _submission_deposit Initial deposit a proposal carries, within the deposit bounds (mainnet: 500 CLO).
    /// No owner: the deployment goes through a CREATE2 factory and the parameters change only through proposals.
    /// @param _audit_registry The audit registry, whose owner must then make this contract its governance; the zero
    /// address on a chain without one (audit manager proposals are then refused).
    /// @param _file_system The Callisto File System, whose owner must then make this contract its governance; the
    /// zero address on a chain without one (host node and storage price proposals are then refused).
    constructor(
        address _staking,
        uint256 _epoch_length,
        uint16 _quorum_bps,
        uint256 _submission_deposit,
        address _audit_registry,
        address _file_system
    ) {
        require(_staking != address(0), "Treasury: staking is the zero address");
        require(_epoch_length > 0, "Treasury: epoch length is zero");
        _check_bounds(Param.Quorum, _quorum_bps);
        _check_bounds(Param.SubmissionDeposit, _submission_deposit);
        staking = IColdStaking(_staking);
        audit_registry = IAuditRegistry(_audit_registry);
        file_system = ICallistoFS(_file_system);
        epoch_length = _epoch_length;
        genesis = block.timestamp;
        quorum_bps = _quorum_bps;
        submission_deposit = _submission_deposit;
    }

    /// @notice Donations. Block rewards credit the balance without a call.
    receive() external payable {
        emit Donation(msg.sender, msg.value);
    }

    // ---- submission ------------------------------------------------------------------------------------------

    /// @notice Asks for `amount_per_epoch` CLO to `payee` in each of `epochs` epochs (1..12) from the epoch it is
    /// accepted in. Carries exactly `submission_deposit`, refunded at evaluation, expiry or withdrawal. Anyone may
    /// submit. A payee that is the cold staking contract is paid as a donation to its reward pool.
    function submit_funding(
        string calldata title,
        string calldata description_url,
        bytes32 description_hash,
        address payee,
        uint256 amount_per_epoch,
        uint8 epochs
    ) external payable returns (uint256 id) {
        require(payee != address(0), "Treasury: payee is the zero address");
        require(amount_per_epoch > 0, "Treasury: amount per epoch is zero");
        require(epochs >= 1 && epochs <= MAX_EPOCHS, "Treasury: epochs must be 1 to 12");
        Proposal storage p = _new_proposal(Kind.Funding, title, description_url, description_hash);
        p.payee = payee;
        p.amount_per_epoch = amount_per_epoch;
        p.epochs = epochs;
        return _proposals.length - 1;
    }

    /// @notice Asks to set `param` to `value`: within the parameter's bounds and one step of its current value
    /// (quorum +/- MAX_QUORUM_STEP_BPS, deposit and storage prices (wei per MB) at most x2 or /2). Same deposit and
    /// vote.
    function submit_parameter_change(
        string calldata title,
        string calldata description_url,
        bytes32 description_hash,
        Param param,
        uint256 value
    ) external payable returns (uint256 id) {
        if (param == Param.StorageUnitPrice || param == Param.StorageFloorPrice) _require_file_system();
        _check_bounds(param, value);
        // Early word for the author; `_change_parameter` checks the step again against the value of the day.
        (bool known, uint256 current) = _current_value(param);
        if (known) {
            string memory too_far = _step_error(param, current, value);
            if (bytes(too_far).length > 0) revert(too_far);
        }
        Proposal storage p = _new_proposal(Kind.SetParameter, title, description_url, description_hash);
        p.param = param;
        p.param_value = value;
        return _proposals.length - 1;
    }

    /// @notice Asks to appoint (`appoint`) or dismiss an audit manager of the audit registry. Appointing needs the
    /// manager's public contact (1..100 bytes); dismissing ignores it (empty is fine). Same deposit and vote.
    function submit_audit_manager_change(
        string calldata title,
        string calldata description_url,
        bytes32 description_hash,
        address manager,
        string calldata contact,
        bool appoint
    ) external payable returns (uint256 id) {
        require(address(audit_registry) != address(0), "Treasury: no audit registry on this chain");
        require(manager != address(0), "Treasury: manager is the zero address");
        uint256 contact_length = bytes(contact).length;
        if (appoint) {
            require(
                contact_length >= 1 && contact_length <= MAX_CONTACT_BYTES,
                "Treasury: contact must be 1 to 100 bytes"
            );
        } else {
            require(contact_length <= MAX_CONTACT_BYTES, "Treasury: contact must be at most 100 bytes");
        }
        Proposal storage p = _new_proposal(
            appoint ? Kind.AppointAuditManager : Kind.DismissAuditManager,
            title,
            description_url,
            description_hash
        );
        p.subject = manager;
        if (contact_length > 0) p.contact = contact;
        return _proposals.length - 1;
    }

    /// @notice Asks to elect `node` as an IPFS host node of the file system, at `endpoint` (http:// or https://,
    /// 1..256 bytes) with `capacity_mb` MB, for a salary of `salary_per_epoch` CLO in each of `epochs` epochs
    /// (1..12) from the epoch it is elected in (the next one if a removed election of the node still pays that
    /// epoch), paid to the node only if the file system accepts it. Same deposit and vote.
    function submit_host_node_election(
        string calldata title,
        string calldata description_url,
        bytes32 description_hash,
        address node,
        string calldata endpoint,
        uint64 capacity_mb,
        uint256 salary_per_epoch,
        uint8 epochs
    ) external payable returns (uint256 id) {
        _require_file_system();
        _check_node(node);
        _check_endpoint(bytes(endpoint));
        require(capacity_mb > 0, "Treasury: capacity must be above zero");
        require(salary_per_epoch > 0, "Treasury: salary per epoch must be above zero");
        require(epochs >= 1 && epochs <= MAX_EPOCHS, "Treasury: epochs must be 1 to 12");
        Proposal storage p = _new_proposal(Kind.ElectHostNode, title, description_url, description_hash);
        p.subject = node;
        p.payee = node;
        p.contact = endpoint;
        p.param_value = capacity_mb;
        p.amount_per_epoch = salary_per_epoch;
        p.epochs = epochs;
        return _proposals.length - 1;
    }

    /// @notice Asks to remove the IPFS host node `node` from the file system; if it draws a salary from an executed
    /// election, the epochs after the one the removal executes in are cancelled. Same deposit and vote.
    function submit_host_node_removal(
        string calldata title,
        string calldata description_url,
        bytes32 description_hash,
        address node
    ) external payable returns (uint256 id) {
        _require_file_system();
        _check_node(node);
        Proposal storage p = _new_proposal(Kind.RemoveHostNode, title, description_url, description_hash);
        p.subject = node;
        return _proposals.length - 1;
    }

    // ---- voting ----------------------------------------------------------------------------------------------

    /// @notice Votes (or changes your vote) with your whole current stake, during the proposal's voting epoch.
    /// Holds your stake in the staking contract until the vote ends.
    function vote(uint256 id, Choice choice) external exists(id) {
        Proposal storage p = _proposals[id];
        require(p.status == Status.Voting, "Treasury: proposal is not in voting");
        uint256 epoch = current_epoch();
        require(epoch >= p.voting_epoch, "Treasury: voting has not started");
        require(epoch == p.voting_epoch, "Treasury: voting has ended");
        require(choice != Choice.None, "Treasury: choose for, against or abstain");
        (uint256 weight, , , ) = staking.staker(msg.sender);
        require(weight > 0, "Treasury: only cold stakers vote");

        Vote storage v = _votes[id][msg.sender];
        if (v.choice != Choice.None) _tally(p, v.choice, v.weight, false);
        _tally(p, choice, weight, true);
        v.choice = choice;
        v.weight = weight;
        emit VoteCast(id, msg.sender, choice, weight);

        staking.hold_stake(msg.sender, epoch_start(epoch + 1));
    }

    // ---- evaluation ------------------------------------------------------------------------------------------

    /// @notice Closes the vote of a proposal during its evaluation epoch (the one after the vote); anyone may call
    /// it, once. Decides on the state at the end of the vote (see the contract's notes), credits the deposit to the
    /// author and, if accepted, carries it out: commits the funding from this epoch, applies the parameter, or asks
    /// the audit registry or the file system for the change (a refusal there leaves the proposal Accepted with
    /// `executed` false and emits ExecutionFailed; an election's salary is committed only when the node was
    /// elected). After the evaluation epoch the proposal can only expire.
    function evaluate(uint256 id) external nonReentrant exists(id) {
        Proposal storage p = _proposals[id];
        require(p.status == Status.Voting, "Treasury: proposal is not in voting");
        uint256 epoch = current_epoch();
        require(epoch > p.voting_epoch, "Treasury: voting has not ended");
        require(
            epoch == p.voting_epoch + 1,
            "Treasury: the evaluation deadline has passed; the proposal can only expire"
        );

        uint256 total = staking.total_staked_at_end_of(p.voting_epoch);
        uint256 turnout = p.votes_for + p.votes_against + p.votes_abstain;
        Status status;
        if (turnout * BPS < uint256(p.quorum_bps) * total) status = Status.NotEnoughVotes;
        else if (p.votes_for > p.votes_against) status = Status.Accepted;
        else status = Status.Rejected;
        p.status = status;
        p.total_staked_at_vote_end = total;
        _credit_refund(id, p);

        if (status == Status.Accepted) _carry_out(id, p);
        emit ProposalEvaluated(id, status, p.votes_for, p.votes_against, p.votes_abstain);
    }

    /// @notice Ends a proposal nobody evaluated during its evaluation epoch: it becomes Expired, nothing is carried
    /// out, and the deposit is credited to the author. Anyone may call it.
    function expire(uint256 id) external exists(id) {
        Proposal storage p = _proposals[id];
        require(p.status == Status.Voting, "Treasury: proposal is not in voting");
        require(current_epoch() > p.voting_epoch + 1, "Treasury: the proposal can still be voted or evaluated");
        p.status = Status.Expired;
        _credit_refund(id, p);
        emit ProposalExpired(id);
    }

    /// @notice Sends the caller every deposit credited back to it (evaluated and expired proposals).
    function withdraw_refund() external nonReentrant {
        uint256 amount = refund_owed[msg.sender];
        require(amount > 0, "Treasury: no refund is owed to you");
        refund_owed[msg.sender] = 0;
        total_refunds_owed -= amount;
        emit RefundWithdrawn(msg.sender, amount);
        _send(msg.sender, amount);
    }

    // ---- payment ---------------------------------------------------------------------------------------------

    /// @notice Pays the payee of an accepted funding proposal (or the node of an executed host node election) every
    /// due epoch not paid yet; anyone may call it. Reverts when nothing is due or when the treasury (less held
    /// deposits and refunds owed) cannot cover it; it stays due. The cold staking contract is paid through its
    /// `DEBUG_donation`, which adds to its reward pool.
    function pay(uint256 id) external nonReentrant exists(id) {
        Proposal storage p = _proposals[id];
        require(
            p.status == Status.Accepted && (p.kind == Kind.Funding || p.kind == Kind.ElectHostNode),
            "Treasury: not an accepted funding proposal or host node election"
        );
        // Funding is always executed once accepted: only an election's flag is read.
        require(p.kind == Kind.Funding || p.executed, "Treasury: the host node election did not execute");
        uint256 n = _due_epochs(p);
        require(n > 0, "Treasury: nothing is due");
        uint256 amount = n * p.amount_per_epoch;
        require(available_balance() >= amount, "Treasury: treasury cannot cover the payment");
        p.paid_epochs += uint8(n);
        address payee = p.payee;
        emit PaymentMade(id, payee, n, amount);
        // A plain transfer to the cold staking contract would stake it for the treasury, locked for a round.
        if (payee == address(staking)) staking.DEBUG_donation{value: amount}();
        else _send(payee, amount);
    }

    // ---- withdrawal ------------------------------------------------------------------------------------------

    /// @notice The author takes a proposal back before the end of its vote and gets the deposit back at once (the
    /// author is the caller, so a refusal only stops its own call).
    function withdraw(uint256 id) external nonReentrant exists(id) {
        Proposal storage p = _proposals[id];
        require(msg.sender == p.author, "Treasury: only the author may withdraw");
        require(p.status == Status.Voting, "Treasury: proposal is not in voting");
        require(current_epoch() <= p.voting_epoch, "Treasury: voting has ended");
        p.status = Status.Withdrawn;
        uint256 deposit = p.deposit;
        held_deposits -= deposit;
        emit ProposalWithdrawn(id);
        _send(p.author, deposit);
    }

    // ---- views -----------------------------------------------------------------------------------------------

    /// @notice The epoch of the current block: (block.timestamp - genesis) / epoch_length.
    function current_epoch() public view returns (uint256) {
        return (block.timestamp - genesis) / epoch_length;
    }

    /// @notice The block time `epoch` starts at (and `epoch` - 1 ends at).
    function epoch_start(uint256 epoch) public view returns (uint256) {
        return genesis + epoch * epoch_length;
    }

    /// @notice How many proposals exist; ids run from 0 to proposal_count() - 1.
    function proposal_count() external view returns (uint256) {
        return _proposals.length;
    }

    function get_proposal(uint256 id) external view exists(id) returns (Proposal memory) {
        Proposal memory p = _proposals[id];
        p.id = id;
        return p;
    }

    /// @notice Proposals with ids offset .. offset + limit - 1, clipped to the existing ones (empty past the end).
    function get_proposals(uint256 offset, uint256 limit) external view returns (Proposal[] memory page) {
        uint256 count = _proposals.length;
        if (offset >= count) return new Proposal[](0);
        uint256 n = count - offset;
        if (limit < n) n = limit;
        page = new Proposal[](n);
        for (uint256 i = 0; i < n; i++) {
            page[i] = _proposals[offset + i];
            page[i].id = offset + i;
        }
    }

    /// @notice A voter's current choice on a proposal and the weight counted for it (None and 0 without a vote).
    function vote_of(uint256 id, address voter) external view returns (Choice choice, uint256 weight) {
        Vote storage v = _votes[id][voter];
        return (v.choice, v.weight);
    }

    /// @notice The unpaid epochs of an accepted funding proposal or an executed host node election that are due
    /// now (0 for any other proposal).
    function due_epochs(uint256 id) external view exists(id) returns (uint256) {
        Proposal storage p = _proposals[id];
        bool pays = p.kind == Kind.Funding || p.kind == Kind.ElectHostNode;
        if (!pays || p.status != Status.Accepted || !p.executed) return 0;
        return _due_epochs(p);
    }

    /// @notice The executed election whose salary `node` draws: found false when the node was never elected
    /// through a proposal, or was removed through one since.
    function election_of(address node) external view returns (bool found, uint256 id) {
        uint256 stored = _election_of[node];
        if (stored == 0) return (false, 0);
        return (true, stored - 1);
    }

    /// @notice The first moment `evaluate` refuses proposal `id`: the end of its evaluation epoch (the start of
    /// voting_epoch + 2). From then on it can only expire.
    function evaluation_deadline(uint256 id) external view exists(id) returns (uint256) {
        return epoch_start(_proposals[id].voting_epoch + 2);
    }

    /// @notice The balance payments may use: everything but the deposits of proposals in voting and the refunds
    /// owed to authors.
    function available_balance() public view returns (uint256) {
        return address(this).balance - held_deposits - total_refunds_owed;
    }

    // ---- internals -------------------------------------------------------------------------------------------

    function _new_proposal(
        Kind kind,
        string calldata title,
        string calldata description_url,
        bytes32 description_hash
    ) private returns (Proposal storage p) {
        uint256 title_length = bytes(title).length;
        require(title_length >= 1 && title_length <= MAX_TITLE_BYTES, "Treasury: title must be 1 to 120 bytes");
        bytes calldata url = bytes(description_url);
        require(url.length > 0, "Treasury: description URL is empty");
        require(url.length <= MAX_URL_BYTES, "Treasury: description URL is longer than 256 bytes");
        require(
            _starts_with(url, "ipfs://") || _starts_with(url, "https://"),
            "Treasury: description URL must start with ipfs:// or https://"
        );
        require(description_hash != bytes32(0), "Treasury: description hash is zero");
        uint256 deposit = submission_deposit;
        if (msg.value != deposit) {
            revert(string.concat("Treasury: deposit must be exactly ", _format_clo(deposit), " CLO"));
        }

        uint256 id = _proposals.length;
        p = _proposals.push();
        p.kind = kind;
        p.author = msg.sender;
        p.title = title;
        p.description_url = description_url;
        p.description_hash = description_hash;
        p.quorum_bps = quorum_bps;
        p.voting_epoch = current_epoch() + 1;
        p.deposit = deposit;
        held_deposits += deposit;
        emit ProposalSubmitted(id, msg.sender, kind, title);
    }

    /// @dev Carries out an accepted proposal. Only the fixed audit registry and file system are ever called, and
    /// only with the functions below.
    function _carry_out(uint256 id, Proposal storage p) private {
        Kind kind = p.kind;
        bool ok;
        if (kind == Kind.Funding) {
            _commit_payments(p, current_epoch());
            ok = true;
        } else if (kind == Kind.SetParameter) {
            ok = _change_parameter(id, p.param, p.param_value);
        } else {
            ok = _execute_on_target(id, p, kind);
        }
        p.executed = ok;
    }

    /// @dev The kinds carried out by a call to the audit registry or the file system: one function each, then what
    /// follows here when the call succeeded (an election's salary, a removal's end of salary).
    function _execute_on_target(uint256 id, Proposal storage p, Kind kind) private returns (bool ok) {
        address node = p.subject;
        address target = address(file_system);
        bytes memory call;
        if (kind == Kind.AppointAuditManager) {
            target = address(audit_registry);
            call = abi.encodeCall(IAuditRegistry.appoint_manager, (node, p.contact));
        } else if (kind == Kind.DismissAuditManager) {
            target = address(audit_registry);
            call = abi.encodeCall(IAuditRegistry.dismiss_manager, (node));
        } else if (kind == Kind.ElectHostNode) {
            call = abi.encodeCall(ICallistoFS.add_host_node, (node, p.contact, uint64(p.param_value)));
        } else {
            call = abi.encodeCall(ICallistoFS.remove_host_node, (node));
        }
        ok = _execute(id, target, call);
        if (!ok) return false;
        if (kind == Kind.ElectHostNode) {
            // A removal that executed earlier in this epoch left this epoch to the ended salary: start after it.
            uint256 first = current_epoch();
            uint256 free_from = salary_free_from[node];
            _commit_payments(p, free_from > first ? free_from : first);
            _election_of[node] = id + 1;
        } else if (kind == Kind.RemoveHostNode) {
            _end_salary(id, node);
        }
    }

    /// @dev Commits `amount_per_epoch` to each of the proposal's epochs from `first` (the current epoch, or the
    /// next one for an election whose node's ended salary covers this one), when it executes (at most 12: a bounded
    /// loop), and sets its first pay epoch: nothing is ever owed for a time before execution.
    function _commit_payments(Proposal storage p, uint256 first) private {
        uint256 end = first + p.epochs;
        uint256 amount = p.amount_per_epoch;
        p.first_pay_epoch = first;
        for (uint256 e = first; e < end; e++) committed_in_epoch[e] += amount;
    }

    /// @dev Ends the salary of the executed election `node` draws, if any: the epochs after the current one are
    /// cancelled and their commitment released. The epochs kept are at least those paid, since no epoch after
    /// the current one is ever due. Records the epoch after the last one kept, where a new election may start.
    function _end_salary(uint256 removal_id, address node) private {
        uint256 stored = _election_of[node];
        if (stored == 0) return;
        delete _election_of[node];
        Proposal storage election = _proposals[stored - 1];
        uint256 first = election.first_pay_epoch;
        uint256 end = first + election.epochs;
        uint256 kept_end = current_epoch() + 1;
        if (kept_end < first) kept_end = first;
        // Never below an earlier record: this salary started at or after it.
        salary_free_from[node] = kept_end < end ? kept_end : end;
        if (kept_end >= end) return;
        uint256 amount = election.amount_per_epoch;
        for (uint256 e = kept_end; e < end; e++) committed_in_epoch[e] -= amount;
        election.epochs = uint8(kept_end - first);
        emit SalaryEnded(stored - 1, removal_id, end - kept_end, (end - kept_end) * amount);
    }

    /// @dev Applies an accepted parameter change: quorum and deposit here, the storage prices through the file
    /// system's set_prices with the other price unchanged. The step is checked again against the value now (other
    /// changes may have executed since the submission). Returns whether it took effect.
    function _change_parameter(uint256 id, Param param, uint256 value) private returns (bool) {
        (bool known, uint256 current) = _current_value(param);
        if (known) {
            string memory too_far = _step_error(param, current, value);
            if (bytes(too_far).length > 0) {
                emit ExecutionFailed(id, too_far);
                return false;
            }
        }
        if (param == Param.Quorum) {
            quorum_bps = uint16(value);
        } else if (param == Param.SubmissionDeposit) {
            submission_deposit = value;
        } else {
            // The other price is read first; without code at the address the call below fails and says so.
            uint256 unit = value;
            uint256 floor = value;
            if (address(file_system).code.length > 0) {
                if (param == Param.StorageUnitPrice) floor = file_system.floor_price();
                else unit = file_system.unit_price();
            }
            if (!_execute(id, address(file_system), abi.encodeCall(ICallistoFS.set_prices, (unit, floor)))) {
                return false;
            }
        }
        emit ParameterChanged(param, value);
        return true;
    }

    /// @dev Calls `target` (the fixed audit registry or file system) with `data`, one of their functions encoded
    /// against their interfaces, and EXECUTION_GAS. A failure is caught and reported with ExecutionFailed, so that
    /// evaluation never sticks. The caller must supply enough gas for that budget, so that a refusal is the
    /// target's and not a starved call. A target without code counts as a failure (a plain call would succeed).
    function _execute(uint256 id, address target, bytes memory data) private returns (bool ok) {
        require(gasleft() >= EXECUTION_GAS + EXECUTION_GAS / 63 + 10_000, "Treasury: not enough gas to execute");
        bytes memory returned;
        if (target.code.length > 0) (ok, returned) = target.call{gas: EXECUTION_GAS}(data);
        if (!ok) emit ExecutionFailed(id, _revert_reason(target, returned));
    }

    /// @dev The message of an `Error(string)` revert (a require with a reason); for anything else (a panic, a
    /// custom error, running out of gas, malformed data, no code) a sentence naming the target. Never reverts.
    function _revert_reason(address target, bytes memory returned) private view returns (string memory) {
        // Error(string) is its selector, then the ABI encoding of one string: the offset 0x20, the length, bytes.
        if (returned.length >= 68 && bytes4(returned) == 0x08c379a0) {
            uint256 offset;
            uint256 length;
            assembly ("memory-safe") {
                offset := mload(add(returned, 36))
                length := mload(add(returned, 68))
            }
            if (offset == 32 && length <= returned.length - 68) {
                bytes memory reason = new bytes(length);
                for (uint256 i = 0; i < length; i++) reason[i] = returned[68 + i];
                return string(reason);
            }
        }
        return
            target == address(audit_registry)
                ? "Treasury: the audit registry call failed"
                : "Treasury: the file system call failed";
    }

    function _tally(Proposal storage p, Choice choice, uint256 weight, bool add) private {
        if (choice == Choice.For) p.votes_for = add ? p.votes_for + weight : p.votes_for - weight;
        else if (choice == Choice.Against) p.votes_against = add ? p.votes_against + weight : p.votes_against - weight;
        else p.votes_abstain = add ? p.votes_abstain + weight : p.votes_abstain - weight;
    }

    /// @dev Due epochs: first_pay_epoch .. min(current_epoch, first_pay_epoch + epochs - 1), less those paid.
    function _due_epochs(Proposal storage p) private view returns (uint256) {
        uint256 first = p.first_pay_epoch;
        uint256 epoch = current_epoch();
        if (epoch < first) return 0;
        uint256 reached = epoch - first + 1;
        if (reached > p.epochs) reached = p.epochs;
        return reached - p.paid_epochs;
    }

    /// @dev Credits the proposal's deposit, no longer held, to its author (a pull payment: see `withdraw_refund`).
    function _credit_refund(uint256 id, Proposal storage p) private {
        uint256 deposit = p.deposit;
        address author = p.author;
        held_deposits -= deposit;
        refund_owed[author] += deposit;
        total_refunds_owed += deposit;
        emit RefundCredited(id, author, deposit);
    }

    /// @dev The hard bounds of each parameter.
    function _check_bounds(Param param, uint256 value) private pure {
        if (param == Param.Quorum) {
            require(
                value >= MIN_QUORUM_BPS && value <= MAX_QUORUM_BPS,
                "Treasury: quorum must be 100 to 3000 bps (1% to 30%)"
            );
        } else if (param == Param.SubmissionDeposit) {
            require(
                value >= MIN_SUBMISSION_DEPOSIT && value <= MAX_SUBMISSION_DEPOSIT,
                "Treasury: deposit must be 1 to 100000 CLO"
            );
        } else if (param == Param.StorageUnitPrice) {
            require(
                value >= MIN_UNIT_PRICE && value <= MAX_UNIT_PRICE,
                "Treasury: unit price must be 0.001 to 1000 CLO a MB"
            );
        } else {
            require(
                value >= MIN_FLOOR_PRICE && value <= MAX_FLOOR_PRICE,
                "Treasury: floor price must be 0.000001 to 10 CLO a MB"
            );
        }
    }

    /// @dev The parameter's value now; unknown (false) only for a storage price without a file system to read.
    function _current_value(Param param) private view returns (bool known, uint256 value) {
        if (param == Param.Quorum) return (true, quorum_bps);
        if (param == Param.SubmissionDeposit) return (true, submission_deposit);
        if (address(file_system).code.length == 0) return (false, 0);
        return (true, param == Param.StorageUnitPrice ? file_system.unit_price() : file_system.floor_price());
    }

    /// @dev Why `value` is more than one step from `current` (empty when it is within one step). The quorum moves
    /// at most MAX_QUORUM_STEP_BPS; the other parameters at most x2 or /2. A storage price the file system's owner
    /// set outside the bounds may be brought back within them in one change.
    function _step_error(Param param, uint256 current, uint256 value) private pure returns (string memory) {
        if (param == Param.Quorum) {
            uint256 distance = value > current ? value - current : current - value;
            return distance <= MAX_QUORUM_STEP_BPS ? "" : "Treasury: quorum may change by at most 500 bps at a time";
        }
        if (param == Param.StorageUnitPrice && (current < MIN_UNIT_PRICE || current > MAX_UNIT_PRICE)) return "";
        if (param == Param.StorageFloorPrice && (current < MIN_FLOOR_PRICE || current > MAX_FLOOR_PRICE)) return "";
        // Within x2 and /2: value <= 2 x current and 2 x value >= current (no overflow: values are bounded above).
        if (value <= 2 * current && 2 * value >= current) return "";
        if (param == Param.SubmissionDeposit) return "Treasury: deposit may at most double or halve at a time";
        if (param == Param.StorageUnitPrice) return "Treasury: unit price may at most double or halve at a time";
        return "Treasury: floor price may at most double or halve at a time";
    }

    function _require_file_system() private view {
        require(address(file_system) != address(0), "Treasury: no file system on this chain");
    }

    function _check_node(address node) private pure {
        require(node != address(0), "Treasury: node is the zero address");
    }

    /// @dev The file system's own rule, checked at submission so that an accepted election is not refused for it.
    function _check_endpoint(bytes calldata endpoint) private pure {
        require(
            endpoint.length >= 1 && endpoint.length <= MAX_ENDPOINT_BYTES,
            "Treasury: endpoint must be 1 to 256 bytes"
        );
        require(
            _starts_with(endpoint, "http://") || _starts_with(endpoint, "https://"),
            "Treasury: endpoint must start with http:// or https://"
        );
    }

    function _starts_with(bytes calldata data, bytes memory prefix) private pure returns (bool) {
        if (data.length < prefix.length) return false;
        for (uint256 i = 0; i < prefix.length; i++) if (data[i] != prefix[i]) return false;
        return true;
    }

    /// @dev `value` wei as CLO with up to 18 decimals, trailing zeros dropped: 500 CLO, 0.5 CLO.
    function _format_clo(uint256 value) private pure returns (string memory) {
        string memory whole = _decimal(value / 1e18);
        uint256 fraction = value % 1e18;
        if (fraction == 0) return whole;
        uint256 digits = 18;
        while (fraction % 10 == 0) {
            fraction /= 10;
            digits--;
        }
        bytes memory text = bytes(_decimal(fraction));
        bytes memory padded = new bytes(digits);
        uint256 zeros = digits - text.length;
        for (uint256 i = 0; i < digits; i++) padded[i] = i < zeros ? bytes1("0") : text[i - zeros];
        return string.concat(whole, ".", string(padded));
    }

    function _decimal(uint256 value) private pure returns (string memory) {
        if (value == 0) return "0";
        uint256 digits;
        for (uint256 v = value; v > 0; v /= 10) digits++;
        bytes memory text = new bytes(digits);
        for (; value > 0; value /= 10) text[--digits] = bytes1(uint8(48 + (value % 10)));
        return string(text);
    }

    function _send(address to, uint256 value) private {
        (bool ok, ) = payable(to).call{value: value}("");
        require(ok, "Treasury: transfer failed");
    }
}
