// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {CallistoFS} from "../../CallistoFS.sol";
import {ColdStaking} from "../../ColdStaking.sol";
import {TreasuryGovernance} from "../../TreasuryGovernance.sol";
import {InvariantTest, Vm} from "./Vm.sol";

/// @notice An account of the handler's: a staker, an author or a payee. A contract, so that the handler can act
/// as many accounts without a prank cheatcode; it takes any CLO sent to it (stake returns, refunds, payments).
contract TreasuryActor {
    address private immutable _handler;

    constructor() {
        _handler = msg.sender;
    }

    function exec(address to, uint256 value, bytes calldata data) external returns (bool ok, bytes memory ret) {
        require(msg.sender == _handler, "TreasuryActor: only the handler");
        (ok, ret) = to.call{value: value}(data);
    }

    receive() external payable {}
}

/// @notice Drives TreasuryGovernance with the real ColdStaking and CallistoFS: submissions of every kind the file
/// system allows (funding, parameter changes, host node elections and removals), votes, evaluations, expiries,
/// payments, withdrawals, refund withdrawals, whole accepted parameter changes, stake changes and time warps. It
/// keeps ghosts the suite checks: CLO paid per proposal, the epoch each paying proposal executed in and the epoch
/// its node was removed in, the total stake at every change (to recompute each outcome from the state at the end
/// of its vote), and the quorum at each submission.
contract TreasuryHandler {
    Vm internal constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));

    uint256 public constant EPOCH = 10 days;
    uint256 internal constant MAX_STAKE = 1_000_000 ether;
    string internal constant URL = "ipfs://x";
    bytes32 internal constant HASH = bytes32(uint256(1));

    TreasuryGovernance public immutable gov;
    ColdStaking public immutable staking;
    CallistoFS public immutable fs;

    TreasuryActor[4] internal _stakers;
    TreasuryActor[2] internal _authors;
    TreasuryActor public immutable payee;
    address[3] internal _nodes = [address(0xA11CE), address(0xB0B), address(0xCA7)];

    /// @notice CLO the handler's `pay` calls moved to each proposal's payee.
    mapping(uint256 => uint256) public ghost_paid;
    /// @notice amount_per_epoch x epochs of each paying proposal, as submitted.
    mapping(uint256 => uint256) public ghost_max_pay;
    /// @notice 1 + the epoch a paying proposal executed in (0: never).
    mapping(uint256 => uint256) public ghost_exec_epoch_plus_one;
    /// @notice 1 + the epoch an executed removal ended an election's salary in (0: never).
    mapping(uint256 => uint256) public ghost_removed_epoch_plus_one;
    /// @notice The quorum in force when each proposal was submitted.
    mapping(uint256 => uint256) public ghost_quorum_at_submission;
    /// @notice 1 + the status the handler computed, at evaluation, from the state at the end of the vote.
    mapping(uint256 => uint256) public ghost_expected_status_plus_one;
    /// @notice 1 + the total stake at the end of the vote, as the handler's history has it.
    mapping(uint256 => uint256) public ghost_total_at_vote_end_plus_one;

    /// @notice Every change of the total stake: when, and the total after it.
    uint256[] internal _change_times;
    uint256[] internal _change_totals;

    /// @notice How many parameter changes took effect.
    uint256 public accepted_parameter_changes;
    /// @notice Coverage counters: payments made, proposals expired, elections executed, salaries ended.
    uint256 public payments_made;
    uint256 public proposals_expired;
    uint256 public elections_executed;
    uint256 public salaries_ended;
    /// @notice Coverage counter: removals and re-elections of one node carried through in the same epoch.
    uint256 public pairs_carried;

    constructor(TreasuryGovernance _gov, ColdStaking _staking, CallistoFS _fs) {
        gov = _gov;
        staking = _staking;
        fs = _fs;
        for (uint256 i = 0; i < 4; i++) _stakers[i] = new TreasuryActor();
        for (uint256 i = 0; i < 2; i++) _authors[i] = new TreasuryActor();
        payee = new TreasuryActor();
    }

    // ---- actions -------------------------------------------------------------------------------------------

    function stake(uint256 who, uint256 amount, uint256 rounds) external {
        TreasuryActor actor = _stakers[who % 4];
        amount = _bound(amount, 1 ether, MAX_STAKE);
        vm.deal(address(actor), address(actor).balance + amount);
        _exec(actor, address(staking), amount, abi.encodeCall(ColdStaking.start_staking, (_bound(rounds, 1, 3))));
        _record_total();
    }

    function withdraw_stake(uint256 who) external {
        _exec(_stakers[who % 4], address(staking), 0, abi.encodeCall(ColdStaking.withdraw_stake, ()));
        _record_total();
    }

    function submit_funding(uint256 author, uint256 amount, uint256 epochs, bool to_staking) external {
        address to = to_staking ? address(staking) : address(payee);
        amount = _bound(amount, 1, 1000 ether);
        uint8 n = uint8(_bound(epochs, 1, 12));
        _submit(
            author,
            abi.encodeCall(TreasuryGovernance.submit_funding, ("Funding", URL, HASH, to, amount, n)),
            amount * n
        );
    }

    function submit_parameter_change(uint256 author, uint256 param, uint256 value, uint256 pick) external {
        TreasuryGovernance.Param p = TreasuryGovernance.Param(param % 4);
        uint256 v = _pick_value(p, value, pick);
        _submit(author, abi.encodeCall(TreasuryGovernance.submit_parameter_change, ("Param", URL, HASH, p, v)), 0);
    }

    function submit_election(uint256 author, uint256 node, uint256 salary, uint256 epochs) external {
        salary = _bound(salary, 1, 100 ether);
        uint8 n = uint8(_bound(epochs, 1, 12));
        _submit(
            author,
            abi.encodeCall(
                TreasuryGovernance.submit_host_node_election,
                ("Elect", URL, HASH, _nodes[node % 3], "https://node.example", 1024, salary, n)
            ),
            salary * n
        );
    }

    function submit_removal(uint256 author, uint256 node) external {
        _submit(
            author,
            abi.encodeCall(TreasuryGovernance.submit_host_node_removal, ("Remove", URL, HASH, _nodes[node % 3])),
            0
        );
    }

    /// @dev The actions below that take a proposal prefer, from `seed` on, one the action can apply to now (in its
    /// vote, awaiting evaluation, past it, with epochs due), so that short sequences reach every state; with none,
    /// any proposal (the call then mostly fails, which is checked too).
    function vote(uint256 who, uint256 seed, uint256 choice) external {
        (bool any, uint256 id) = _find(seed, _Want.InVote);
        if (!any) return;
        TreasuryGovernance.Choice c = TreasuryGovernance.Choice(1 + (choice % 3));
        _exec(_stakers[who % 4], address(gov), 0, abi.encodeCall(TreasuryGovernance.vote, (id, c)));
    }

    function evaluate(uint256 seed) external {
        (bool any, uint256 id) = _find(seed, _Want.Evaluable);
        if (any) _evaluate(id);
    }

    function expire(uint256 seed) external {
        (bool any, uint256 id) = _find(seed, _Want.Expirable);
        if (!any) return;
        gov.expire(id);
        proposals_expired++;
    }

    function pay(uint256 seed) external {
        (bool any, uint256 id) = _find(seed, _Want.Due);
        if (!any) return;
        address to = gov.get_proposal(id).payee;
        uint256 before = to.balance;
        try gov.pay(id) {
            ghost_paid[id] += to.balance - before;
            payments_made++;
        } catch {}
    }

    function withdraw(uint256 seed) external {
        (bool any, uint256 id) = _find(seed, _Want.InVote);
        if (!any) return;
        address author = gov.get_proposal(id).author;
        _exec(TreasuryActor(payable(author)), address(gov), 0, abi.encodeCall(TreasuryGovernance.withdraw, (id)));
    }

    function withdraw_refund(uint256 author) external {
        _exec(_authors[author % 2], address(gov), 0, abi.encodeCall(TreasuryGovernance.withdraw_refund, ()));
    }

    /// @notice A block reward credit to the treasury (no call, no event).
    function credit_treasury(uint256 amount) external {
        vm.deal(address(gov), address(gov).balance + _bound(amount, 1, 10_000 ether));
    }

    /// @notice Mostly within an epoch, sometimes across two (so that proposals miss their evaluation epoch).
    function warp(uint256 seconds_) external {
        uint256 max = seconds_ % 4 == 0 ? 2 * EPOCH : EPOCH / 3;
        _warp(block.timestamp + _bound(seconds_ >> 2, 1, max));
    }

    /// @notice One whole funding proposal, host node election or removal carried through like a parameter change.
    function pass_proposal(uint256 author, uint256 kind, uint256 node, uint256 amount, uint256 epochs) external {
        uint256 id = gov.proposal_count();
        uint256 k = kind % 3;
        if (k == 0) this.submit_funding(author, amount, epochs, amount % 5 == 0);
        else if (k == 1) this.submit_election(author, node, amount, epochs);
        else this.submit_removal(author, node);
        if (gov.proposal_count() == id) return;
        _carry(id);
    }

    /// @notice A removal of a node that draws a salary and a new election of the same node, submitted together,
    /// voted in the same epoch and evaluated in the same epoch, the removal first (the only order in which both
    /// execute): the epoch of the removal must not pay the node twice. Elects the node first when it has no salary.
    function pass_removal_and_election(uint256 author, uint256 node, uint256 salary, uint256 epochs) external {
        address subject = _nodes[node % 3];
        (bool elected, ) = gov.election_of(subject);
        if (!elected) this.pass_proposal(author, 1, node, salary, epochs);
        uint256 removal = gov.proposal_count();
        this.submit_removal(author, node);
        this.submit_election(author ^ 1, node, salary >> 8, epochs >> 8);
        if (gov.proposal_count() != removal + 2) return;
        _warp(gov.epoch_start(gov.current_epoch() + 1) + 1);
        _vote_for_with_all(removal);
        _vote_for_with_all(removal + 1);
        _warp(gov.epoch_start(gov.current_epoch() + 1) + 1);
        _evaluate(removal);
        _evaluate(removal + 1);
        pairs_carried++;
    }

    /// @notice One whole parameter change carried through: submitted, voted for by every staker in the next
    /// epoch, evaluated in the one after. `pick` chooses the farthest allowed value below or above the current one
    /// (the worst a single change may do), or a value anywhere in the bounds (which the step may refuse).
    function pass_parameter_change(uint256 author, uint256 param, uint256 value, uint256 pick) external {
        TreasuryGovernance.Param p = TreasuryGovernance.Param(param % 4);
        uint256 id = gov.proposal_count();
        uint256 v = _pick_value(p, value, pick);
        _submit(author, abi.encodeCall(TreasuryGovernance.submit_parameter_change, ("Param", URL, HASH, p, v)), 0);
        if (gov.proposal_count() == id) return;
        _carry(id);
        if (gov.get_proposal(id).executed) accepted_parameter_changes++;
    }

    // ---- views for the suite ---------------------------------------------------------------------------------

    function stakers() external view returns (TreasuryActor[4] memory) {
        return _stakers;
    }

    function authors() external view returns (TreasuryActor[2] memory) {
        return _authors;
    }

    /// @notice The total stake at the end of `epoch`, from the handler's own history of changes.
    function total_at_end_of(uint256 epoch) public view returns (uint256 total) {
        uint256 end = gov.epoch_start(epoch + 1);
        for (uint256 i = 0; i < _change_times.length && _change_times[i] < end; i++) total = _change_totals[i];
    }

    // ---- internals -------------------------------------------------------------------------------------------

    enum _Want {
        InVote,
        Evaluable,
        Expirable,
        Due
    }

    function _find(uint256 seed, _Want want) internal view returns (bool any, uint256 id) {
        uint256 count = gov.proposal_count();
        if (count == 0) return (false, 0);
        uint256 epoch = gov.current_epoch();
        for (uint256 i = 0; i < count; i++) {
            uint256 candidate = (seed + i) % count;
            TreasuryGovernance.Proposal memory p = gov.get_proposal(candidate);
            bool voting = p.status == TreasuryGovernance.Status.Voting;
            if (
                (want == _Want.InVote && voting && p.voting_epoch >= epoch) ||
                (want == _Want.Evaluable && voting && epoch == p.voting_epoch + 1) ||
                (want == _Want.Expirable && voting && epoch > p.voting_epoch + 1) ||
                (want == _Want.Due && gov.due_epochs(candidate) > 0)
            ) return (true, candidate);
        }
        return (true, seed % count);
    }

    /// @dev Votes for proposal `id` with every staker during its vote, then evaluates it in the next epoch.
    function _carry(uint256 id) internal {
        _warp(gov.epoch_start(gov.current_epoch() + 1) + 1);
        _vote_for_with_all(id);
        _warp(gov.epoch_start(gov.current_epoch() + 1) + 1);
        _evaluate(id);
    }

    function _vote_for_with_all(uint256 id) internal {
        for (uint256 i = 0; i < 4; i++) {
            bytes memory call = abi.encodeCall(TreasuryGovernance.vote, (id, TreasuryGovernance.Choice.For));
            _exec(_stakers[i], address(gov), 0, call);
        }
    }

    function _submit(uint256 author, bytes memory call, uint256 max_pay) internal {
        TreasuryActor actor = _authors[author % 2];
        uint256 deposit = gov.submission_deposit();
        vm.deal(address(actor), address(actor).balance + deposit);
        uint256 id = gov.proposal_count();
        uint256 quorum = gov.quorum_bps();
        (bool ok, ) = actor.exec(address(gov), deposit, call);
        if (!ok) return;
        ghost_max_pay[id] = max_pay;
        ghost_quorum_at_submission[id] = quorum;
    }

    function _evaluate(uint256 id) internal {
        TreasuryGovernance.Proposal memory before = gov.get_proposal(id);
        (bool had_election, uint256 election) = gov.election_of(before.subject);
        try gov.evaluate{gas: 2_000_000}(id) {} catch {
            return;
        }
        TreasuryGovernance.Proposal memory p = gov.get_proposal(id);
        uint256 epoch = gov.current_epoch();

        // The outcome from the state at the end of the vote: its tallies (closed since), the handler's record of
        // the total stake then, and the quorum at submission.
        uint256 total = total_at_end_of(p.voting_epoch);
        uint256 turnout = p.votes_for + p.votes_against + p.votes_abstain;
        TreasuryGovernance.Status expected;
        if (turnout * 10_000 < ghost_quorum_at_submission[id] * total) {
            expected = TreasuryGovernance.Status.NotEnoughVotes;
        }
        else if (p.votes_for > p.votes_against) expected = TreasuryGovernance.Status.Accepted;
        else expected = TreasuryGovernance.Status.Rejected;
        ghost_expected_status_plus_one[id] = uint256(expected) + 1;
        ghost_total_at_vote_end_plus_one[id] = total + 1;

        bool pays = p.kind == TreasuryGovernance.Kind.Funding || p.kind == TreasuryGovernance.Kind.ElectHostNode;
        if (pays && p.executed) {
            ghost_exec_epoch_plus_one[id] = epoch + 1;
            if (p.kind == TreasuryGovernance.Kind.ElectHostNode) elections_executed++;
            // Income enough for the whole commitment, so that the solvency invariant checks the accounting.
            vm.deal(address(gov), address(gov).balance + p.amount_per_epoch * p.epochs);
        }
        if (p.kind == TreasuryGovernance.Kind.RemoveHostNode && p.executed && had_election) {
            ghost_removed_epoch_plus_one[election] = epoch + 1;
            salaries_ended++;
        }
    }

    /// @dev A value for `param`: the lowest or highest the step allows from the current value, or any value within
    /// the hard bounds.
    function _pick_value(TreasuryGovernance.Param p, uint256 value, uint256 pick) internal view returns (uint256) {
        (uint256 min, uint256 max, uint256 current) = _bounds(p);
        uint256 low;
        uint256 high;
        if (p == TreasuryGovernance.Param.Quorum) {
            low = current > min + gov.MAX_QUORUM_STEP_BPS() ? current - gov.MAX_QUORUM_STEP_BPS() : min;
            high = current + gov.MAX_QUORUM_STEP_BPS() < max ? current + gov.MAX_QUORUM_STEP_BPS() : max;
        } else {
            low = (current + 1) / 2 > min ? (current + 1) / 2 : min;
            high = current * 2 < max ? current * 2 : max;
        }
        uint256 which = pick % 3;
        if (which == 0) return low;
        if (which == 1) return high;
        return _bound(value, min, max);
    }

    function _bounds(TreasuryGovernance.Param p) internal view returns (uint256 min, uint256 max, uint256 current) {
        if (p == TreasuryGovernance.Param.Quorum) return (gov.MIN_QUORUM_BPS(), gov.MAX_QUORUM_BPS(), gov.quorum_bps());
        if (p == TreasuryGovernance.Param.SubmissionDeposit) {
            return (gov.MIN_SUBMISSION_DEPOSIT(), gov.MAX_SUBMISSION_DEPOSIT(), gov.submission_deposit());
        }
        if (p == TreasuryGovernance.Param.StorageUnitPrice) {
            return (gov.MIN_UNIT_PRICE(), gov.MAX_UNIT_PRICE(), fs.unit_price());
        }
        return (gov.MIN_FLOOR_PRICE(), gov.MAX_FLOOR_PRICE(), fs.floor_price());
    }

    function _exec(TreasuryActor actor, address to, uint256 value, bytes memory data) internal returns (bool ok) {
        (ok, ) = actor.exec(to, value, data);
    }

    function _record_total() internal {
        uint256 total = staking.TotalStakingAmount();
        uint256 n = _change_totals.length;
        if (n > 0 && _change_totals[n - 1] == total) return;
        _change_times.push(block.timestamp);
        _change_totals.push(total);
    }

    /// @dev Moves the clock and the block number (the staking contract's clock moves once a block).
    function _warp(uint256 timestamp) internal {
        vm.warp(timestamp);
        vm.roll(block.number + 1);
    }

    function _bound(uint256 x, uint256 min, uint256 max) internal pure returns (uint256) {
        return min + (x % (max - min + 1));
    }
}

/// @notice Invariants of TreasuryGovernance (audit findings M-01, M-02, M-03, L-01) under random sequences of the
/// handler's actions.
contract TreasuryGovernanceInvariants is InvariantTest {
    uint256 internal constant EPOCH = 10 days;

    ColdStaking internal staking;
    CallistoFS internal fs;
    TreasuryGovernance internal gov;
    TreasuryHandler internal handler;

    function setUp() public {
        vm.warp(1_700_000_000);
        vm.roll(1000);
        staking = new ColdStaking(1 days, 365 days, 10 ** 12, address(this));
        fs = new CallistoFS(address(this), 1 ether, 0.001 ether);
        gov = new TreasuryGovernance(address(staking), EPOCH, 1000, 5 ether, address(0), address(fs));
        staking.set_governance(address(gov));
        fs.set_governance(address(gov));
        handler = new TreasuryHandler(gov, staking, fs);

        bytes4[] memory selectors = new bytes4[](18);
        selectors[0] = TreasuryHandler.stake.selector;
        selectors[1] = TreasuryHandler.withdraw_stake.selector;
        selectors[2] = TreasuryHandler.submit_funding.selector;
        selectors[3] = TreasuryHandler.submit_parameter_change.selector;
        selectors[4] = TreasuryHandler.submit_election.selector;
        selectors[5] = TreasuryHandler.submit_removal.selector;
        selectors[6] = TreasuryHandler.vote.selector;
        selectors[7] = TreasuryHandler.evaluate.selector;
        selectors[8] = TreasuryHandler.expire.selector;
        selectors[9] = TreasuryHandler.pay.selector;
        selectors[10] = TreasuryHandler.withdraw.selector;
        selectors[11] = TreasuryHandler.withdraw_refund.selector;
        selectors[12] = TreasuryHandler.credit_treasury.selector;
        selectors[13] = TreasuryHandler.warp.selector;
        selectors[14] = TreasuryHandler.pass_parameter_change.selector;
        selectors[15] = TreasuryHandler.vote.selector; // votes twice as often as the rest
        selectors[16] = TreasuryHandler.pass_proposal.selector;
        selectors[17] = TreasuryHandler.pass_removal_and_election.selector;
        _target(address(handler), selectors);
    }

    /// @notice All the invariants, checked after every call of every sequence (one campaign for all of them: each
    /// invariant function costs forge a campaign of its own). A failure names the rule it broke.
    function invariant_treasury() public {
        _paid_within_amount_times_epochs();
        _balance_covers_deposits_refunds_and_dues();
        _no_salary_outside_the_election();
        _outcome_from_the_end_of_the_vote();
        _parameters_within_bounds();
        _a_new_proposal_can_pass();
    }

    /// @notice Nothing is ever paid beyond amount x epochs of a proposal, and the ghost of what `pay` moved equals
    /// the epochs the contract counts as paid.
    function _paid_within_amount_times_epochs() internal view {
        uint256 count = gov.proposal_count();
        for (uint256 id = 0; id < count; id++) {
            TreasuryGovernance.Proposal memory p = gov.get_proposal(id);
            uint256 paid = handler.ghost_paid(id);
            require(paid <= handler.ghost_max_pay(id), "paid more than amount x epochs");
            require(paid == uint256(p.paid_epochs) * p.amount_per_epoch, "paid differs from the paid epochs");
            require(p.paid_epochs <= p.epochs, "more epochs paid than the proposal has");
        }
    }

    /// @notice The balance covers the deposits of proposals in voting, the refunds owed and every unpaid epoch of
    /// the executed commitments (the handler credits income for each commitment when it executes); the held and
    /// owed sums equal their parts.
    function _balance_covers_deposits_refunds_and_dues() internal view {
        uint256 count = gov.proposal_count();
        uint256 held;
        uint256 outstanding;
        for (uint256 id = 0; id < count; id++) {
            TreasuryGovernance.Proposal memory p = gov.get_proposal(id);
            if (p.status == TreasuryGovernance.Status.Voting) held += p.deposit;
            bool pays = p.kind == TreasuryGovernance.Kind.Funding || p.kind == TreasuryGovernance.Kind.ElectHostNode;
            if (pays && p.status == TreasuryGovernance.Status.Accepted && p.executed) {
                outstanding += uint256(p.epochs - p.paid_epochs) * p.amount_per_epoch;
                require(gov.due_epochs(id) * p.amount_per_epoch <= outstanding, "due beyond the commitment");
            }
        }
        require(gov.held_deposits() == held, "held deposits differ from the deposits in voting");
        TreasuryActor[2] memory authors = handler.authors();
        uint256 owed = gov.refund_owed(address(authors[0])) + gov.refund_owed(address(authors[1]));
        require(gov.total_refunds_owed() == owed, "refunds owed differ from their sum");
        require(address(gov).balance >= held + owed + outstanding, "balance below deposits + refunds + dues");
    }

    /// @notice A salary (or funding) starts at the epoch its proposal executed, never before; an election's paid
    /// epochs never pass the epoch its node was removed in; one node never draws two salaries for one epoch (the
    /// epoch ranges of its executed elections are disjoint). An election starts one epoch late only when an ended
    /// salary of its node covers its execution epoch, and keeps all its epochs unless a removal ended it.
    function _no_salary_outside_the_election() internal view {
        uint256 count = gov.proposal_count();
        uint256 now_epoch = gov.current_epoch();
        // The executed elections: node, first pay epoch and end (first pay epoch + epochs), for the pairwise checks.
        address[] memory nodes = new address[](count);
        uint256[] memory firsts = new uint256[](count);
        uint256[] memory ends = new uint256[](count);
        uint256[] memory execs = new uint256[](count);
        uint256 n;
        for (uint256 id = 0; id < count; id++) {
            TreasuryGovernance.Proposal memory p = gov.get_proposal(id);
            uint256 exec_plus_one = handler.ghost_exec_epoch_plus_one(id);
            if (exec_plus_one == 0) {
                require(p.paid_epochs == 0 && gov.due_epochs(id) == 0, "paid without executing");
                continue;
            }
            uint256 exec = exec_plus_one - 1;
            uint256 removed_plus_one = handler.ghost_removed_epoch_plus_one(id);
            if (p.kind == TreasuryGovernance.Kind.Funding) {
                require(p.first_pay_epoch == exec, "first pay epoch is not the execution epoch");
            } else {
                require(p.first_pay_epoch == exec || p.first_pay_epoch == exec + 1, "election starts off its epoch");
                nodes[n] = p.subject;
                firsts[n] = p.first_pay_epoch;
                ends[n] = p.first_pay_epoch + p.epochs;
                execs[n] = exec;
                n++;
            }
            if (removed_plus_one == 0) {
                require(uint256(p.epochs) * p.amount_per_epoch == handler.ghost_max_pay(id), "epochs lost");
            }
            uint256 last = now_epoch;
            if (removed_plus_one > 0) {
                require(p.first_pay_epoch + p.epochs <= removed_plus_one, "salary kept after the removal");
                if (removed_plus_one - 1 < last) last = removed_plus_one - 1;
            }
            require(p.first_pay_epoch + p.paid_epochs <= last + 1, "paid an epoch not reached or after removal");
        }
        for (uint256 i = 0; i < n; i++) {
            // A late start must be owed to another salary of the node that covers the execution epoch.
            bool late = firsts[i] == execs[i] + 1;
            bool covered;
            for (uint256 j = 0; j < n; j++) {
                if (j == i || nodes[j] != nodes[i]) continue;
                require(ends[i] <= firsts[j] || ends[j] <= firsts[i], "two salaries of one node for one epoch");
                if (ends[j] == firsts[i] && firsts[j] <= execs[i]) covered = true;
            }
            require(!late || covered, "election started late without a salary covering its epoch");
        }
    }

    /// @notice Every evaluated proposal has the outcome the state at the end of its vote gives: its tallies, the
    /// total stake then (the handler's own record) and the quorum at submission, whoever evaluated and when.
    function _outcome_from_the_end_of_the_vote() internal view {
        uint256 count = gov.proposal_count();
        for (uint256 id = 0; id < count; id++) {
            uint256 expected = handler.ghost_expected_status_plus_one(id);
            if (expected == 0) continue;
            TreasuryGovernance.Proposal memory p = gov.get_proposal(id);
            require(uint256(p.status) == expected - 1, "outcome differs from the state at the end of the vote");
            uint256 total_plus_one = handler.ghost_total_at_vote_end_plus_one(id);
            require(p.total_staked_at_vote_end + 1 == total_plus_one, "wrong quorum denominator");
            require(p.quorum_bps == handler.ghost_quorum_at_submission(id), "quorum is not the one at submission");
        }
    }

    /// @notice Every parameter stays within its hard bounds.
    function _parameters_within_bounds() internal view {
        uint256 quorum = gov.quorum_bps();
        require(quorum >= gov.MIN_QUORUM_BPS() && quorum <= gov.MAX_QUORUM_BPS(), "quorum out of bounds");
        uint256 deposit = gov.submission_deposit();
        require(
            deposit >= gov.MIN_SUBMISSION_DEPOSIT() && deposit <= gov.MAX_SUBMISSION_DEPOSIT(),
            "deposit out of bounds"
        );
        uint256 unit = fs.unit_price();
        require(unit >= gov.MIN_UNIT_PRICE() && unit <= gov.MAX_UNIT_PRICE(), "unit price out of bounds");
        uint256 floor = fs.floor_price();
        require(floor >= gov.MIN_FLOOR_PRICE() && floor <= gov.MAX_FLOOR_PRICE(), "floor price out of bounds");
    }

    /// @notice Liveness: whatever changes were accepted, a new proposal can be submitted (for the deposit of the
    /// day, at most MAX_SUBMISSION_DEPOSIT) and passes with the votes of a newcomer holding 30% of the stake (the
    /// highest quorum) while every other staker stays away. Runs on a copy of the state: forge discards it.
    function _a_new_proposal_can_pass() internal {
        TreasuryActor author = new TreasuryActor();
        TreasuryActor voter = new TreasuryActor();
        uint256 deposit = gov.submission_deposit();
        vm.deal(address(author), deposit);
        uint256 id = gov.proposal_count();
        bytes memory submit = abi.encodeCall(
            TreasuryGovernance.submit_funding,
            ("Live", "ipfs://x", bytes32(uint256(1)), address(voter), 1, 1)
        );
        (bool submitted, ) = author.exec(address(gov), deposit, submit);
        require(submitted, "a proposal cannot be submitted");

        vm.warp(gov.epoch_start(gov.current_epoch() + 1) + 1);
        vm.roll(block.number + 1);
        uint256 total = staking.TotalStakingAmount();
        // 30% of the total after the stake: s >= 3/7 of the stake before it.
        uint256 share = (total * 3) / 7 + 1 ether;
        vm.deal(address(voter), share);
        (bool staked, ) = voter.exec(address(staking), share, abi.encodeCall(ColdStaking.start_staking, (1)));
        require(staked, "the newcomer cannot stake");
        (bool voted, ) = voter.exec(
            address(gov),
            0,
            abi.encodeCall(TreasuryGovernance.vote, (id, TreasuryGovernance.Choice.For))
        );
        require(voted, "the newcomer cannot vote");

        vm.warp(gov.epoch_start(gov.current_epoch() + 1) + 1);
        vm.roll(block.number + 1);
        gov.evaluate(id);
        require(gov.get_proposal(id).status == TreasuryGovernance.Status.Accepted, "a proposal with 30% for fails");
    }
}
