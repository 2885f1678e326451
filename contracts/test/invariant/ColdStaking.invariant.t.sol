// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {InvariantTest, Vm} from "./Vm.sol";
import {ColdStaking} from "../../ColdStaking.sol";

/// @notice Governance as ColdStaking sees it: the epochs a treasury reports, and holds on request.
contract EpochGovernance {
    uint256 public immutable genesis;
    uint256 public immutable epoch_length;

    constructor(uint256 _genesis, uint256 _epoch_length) {
        genesis = _genesis;
        epoch_length = _epoch_length;
    }

    function hold(ColdStaking staking, address voter, uint256 until) external returns (bool ok) {
        try staking.hold_stake(voter, until) {
            ok = true;
        } catch {
            ok = false;
        }
    }
}

/// @notice A staker that is a contract: it stakes, claims, withdraws and reports when told, and may refuse CLO.
contract Actor {
    ColdStaking public immutable staking;
    /// @dev Its creator (the handler) and the suite, whose invariants try the exits.
    address public immutable handler;
    address public immutable suite;
    bool public refuse;

    constructor(ColdStaking _staking, address _suite) {
        staking = _staking;
        handler = msg.sender;
        suite = _suite;
    }

    function set_refuse(bool _refuse) external {
        require(msg.sender == handler, "Actor: only the handler");
        refuse = _refuse;
    }

    /// @dev Calls the staking contract; returns whether it succeeded and the revert data.
    function call(bytes calldata data, uint256 value) external returns (bool ok, bytes memory ret) {
        require(msg.sender == handler || msg.sender == suite, "Actor: only the handler or the suite");
        (ok, ret) = address(staking).call{value: value}(data);
    }

    receive() external payable {
        require(!refuse, "Actor: refused");
    }
}

/// @notice Makes the random calls: stakes, additions, plain transfers, claims, withdrawals, reports, donations,
/// block-reward credits, time passing within the contract's 25 s a block, and governance holds. Keeps the ghost
/// records the invariants compare with.
contract ColdStakingHandler {
    Vm internal constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));

    uint256 public constant SECONDS_PER_BLOCK = 25;
    uint256 public constant MAX_STAKE = 1_000_000 ether;

    ColdStaking public immutable staking;
    EpochGovernance public immutable governance;
    Actor[] public actors;

    /// @notice The total stake at the end of each ended epoch, recorded as time passed it.
    mapping(uint256 => uint256) public ghost_total_at_end;
    /// @notice Epochs recorded so far: every epoch below it has ended and is in `ghost_total_at_end`.
    uint256 public ghost_epochs_ended;
    /// @notice The epoch in which each actor's latest accepted hold was placed.
    mapping(address => uint256) public ghost_hold_epoch;
    /// @notice Set when governance got a hold accepted beyond the end of the current epoch.
    bool public ghost_hold_beyond_epoch;
    /// @notice Calls that succeeded and that reverted, by kind: what the runs reached.
    mapping(bytes32 => uint256) public succeeded;
    mapping(bytes32 => uint256) public reverted;

    constructor(ColdStaking _staking, EpochGovernance _governance, uint256 _actor_count) {
        staking = _staking;
        governance = _governance;
        for (uint256 i = 0; i < _actor_count; i++) actors.push(new Actor(_staking, msg.sender));
        ghost_epochs_ended = _epoch();
    }

    function actor_count() external view returns (uint256) {
        return actors.length;
    }

    // ---- fuzzed calls ----------------------------------------------------------------------------------------

    function stake(uint256 who, uint256 amount, uint256 rounds) external {
        Actor a = _actor(who);
        amount = amount % (MAX_STAKE + 1);
        // Mostly short terms, so that terms end and stakes go idle within a run; sometimes up to 13 rounds.
        rounds = rounds % 4 == 0 ? 1 + ((rounds / 4) % 13) : 1 + ((rounds / 4) % 3);
        vm.deal(address(a), address(a).balance + amount);
        (bool ok, ) = a.call(abi.encodeCall(ColdStaking.start_staking, (rounds)), amount);
        _count("stake", ok);
    }

    function plain_transfer(uint256 who, uint256 amount) external {
        Actor a = _actor(who);
        amount = 1 + (amount % MAX_STAKE);
        vm.deal(address(a), address(a).balance + amount);
        (bool ok, ) = a.call("", amount);
        _count("plain transfer", ok);
    }

    function claim(uint256 who) external {
        (bool ok, ) = _actor(who).call(abi.encodeCall(ColdStaking.claim, ()), 0);
        _count("claim", ok);
    }

    function withdraw(uint256 who) external {
        (bool ok, ) = _actor(who).call(abi.encodeCall(ColdStaking.withdraw_stake, ()), 0);
        _count("withdraw", ok);
    }

    function report(uint256 reporter, uint256 target) external {
        Actor t = _actor(target);
        (bool ok, ) = _actor(reporter).call(abi.encodeCall(ColdStaking.report_abuse, (payable(address(t)))), 0);
        _count("report", ok);
    }

    /// @dev The owner of a refused return accepts CLO again and takes it.
    function take_pending_return(uint256 who) external {
        _actor(who).set_refuse(false);
        (bool ok, ) = _actor(who).call(abi.encodeCall(ColdStaking.withdraw_pending_return, ()), 0);
        _count("take pending return", ok);
    }

    function set_refuse(uint256 who, bool refuse) external {
        _actor(who).set_refuse(refuse);
    }

    function donate(uint256 amount) external {
        amount = amount % (MAX_STAKE + 1);
        vm.deal(address(this), address(this).balance + amount);
        staking.DEBUG_donation{value: amount}();
        _count("donate", true);
    }

    /// @dev A block reward: a balance credit, no call.
    function credit(uint256 amount) external {
        amount = amount % (MAX_STAKE + 1);
        vm.deal(address(staking), address(staking).balance + amount);
        _count("credit", true);
    }

    /// @dev Blocks pass, each at most SECONDS_PER_BLOCK after the one before. Records the total at the end of each
    /// epoch the jump crosses: nothing changes the total while time passes.
    function advance(uint256 blocks, uint256 seconds_) external {
        blocks = 1 + (blocks % 40_000); // up to about 11.6 days of 25 s blocks
        seconds_ = seconds_ % (blocks * SECONDS_PER_BLOCK + 1);
        vm.roll(block.number + blocks);
        vm.warp(block.timestamp + seconds_);
        uint256 epoch = _epoch();
        uint256 total = staking.TotalStakingAmount();
        for (uint256 e = ghost_epochs_ended; e < epoch; e++) ghost_total_at_end[e] = total;
        if (epoch > ghost_epochs_ended) ghost_epochs_ended = epoch;
        _count("advance", true);
    }

    /// @dev Governance holds an actor's stake until some time, sometimes beyond the end of the epoch (refused).
    function hold(uint256 who, uint256 until_offset) external {
        Actor a = _actor(who);
        uint256 epoch = _epoch();
        uint256 epoch_end = governance.genesis() + (epoch + 1) * governance.epoch_length();
        // Up to three epochs ahead: most tries aim beyond the end of this one.
        uint256 until = block.timestamp + (until_offset % (3 * governance.epoch_length()));
        bool ok = governance.hold(staking, address(a), until);
        if (ok && until > epoch_end) ghost_hold_beyond_epoch = true;
        if (ok && until >= staking.held_until(address(a))) ghost_hold_epoch[address(a)] = epoch;
        _count("hold", ok);
    }

    receive() external payable {}

    // ---- helpers ---------------------------------------------------------------------------------------------

    function _actor(uint256 seed) internal view returns (Actor) {
        return actors[seed % actors.length];
    }

    function _epoch() internal view returns (uint256) {
        return (block.timestamp - governance.genesis()) / governance.epoch_length();
    }

    function _count(bytes32 kind, bool ok) internal {
        if (ok) succeeded[kind] += 1;
        else reverted[kind] += 1;
    }
}

/// @title ColdStaking invariants
/// @notice After every call of a random sequence: the weight is the sum of the stakes' weights; the balance covers
/// the stakes and the returns owed; every stake can leave (after its term and hold by withdrawal, when idle by a
/// report, even when its owner refuses CLO); no hold outlasts the epoch of the vote that placed it; and
/// total_staked_at_end_of answers what the total was at the end of every ended epoch.
contract ColdStakingInvariants is InvariantTest {
    uint256 internal constant ROUND = 1 days;
    uint256 internal constant MAX_DELAY = 3 days;
    uint256 internal constant EPOCH = 2 days;
    uint256 internal constant START = 1_700_000_000;
    uint256 internal constant GENESIS = START - EPOCH / 2;

    ColdStaking internal staking;
    EpochGovernance internal governance;
    ColdStakingHandler internal handler;
    /// @dev A long-term staker of the suite's own: the reporter of idle stakes in `invariant_every_stake_can_leave`.
    Actor internal sentinel;

    function setUp() public {
        vm.warp(START);
        vm.roll(1_000_000);
        staking = new ColdStaking(ROUND, MAX_DELAY, 25, address(this));
        governance = new EpochGovernance(GENESIS, EPOCH);
        staking.set_governance(address(governance));
        handler = new ColdStakingHandler(staking, governance, 4);
        sentinel = new Actor(staking, address(this));
        vm.deal(address(sentinel), 1 ether);
        (bool ok, ) = sentinel.call(abi.encodeCall(ColdStaking.start_staking, (1000)), 1 ether);
        require(ok, "sentinel stake");

        bytes4[] memory selectors = new bytes4[](12);
        selectors[0] = ColdStakingHandler.stake.selector;
        selectors[1] = ColdStakingHandler.stake.selector; // twice: stakes and additions are the main path
        selectors[2] = ColdStakingHandler.plain_transfer.selector;
        selectors[3] = ColdStakingHandler.claim.selector;
        selectors[4] = ColdStakingHandler.withdraw.selector;
        selectors[5] = ColdStakingHandler.report.selector;
        selectors[6] = ColdStakingHandler.take_pending_return.selector;
        selectors[7] = ColdStakingHandler.set_refuse.selector;
        selectors[8] = ColdStakingHandler.donate.selector;
        selectors[9] = ColdStakingHandler.credit.selector;
        selectors[10] = ColdStakingHandler.advance.selector;
        selectors[11] = ColdStakingHandler.hold.selector;
        _target(address(handler), selectors);
    }

    /// @notice TotalStakingWeight == SUM amount x (Timestamp - time); TotalStakingAmount == SUM amount.
    function invariant_weight_is_the_sum_of_stake_weights() public view {
        uint256 now_ = staking.Timestamp();
        uint256 weight;
        uint256 amount;
        uint256 n = handler.actor_count();
        for (uint256 i = 0; i <= n; i++) {
            address who = i < n ? address(handler.actors(i)) : address(sentinel);
            (uint256 a, uint256 time, , ) = staking.staker(who);
            weight += a * (now_ - time);
            amount += a;
        }
        require(staking.TotalStakingWeight() == weight, "TotalStakingWeight is not the sum of the stakes' weights");
        require(staking.TotalStakingAmount() == amount, "TotalStakingAmount is not the sum of the stakes");
    }

    /// @notice The balance covers every stake and every return owed; the pool is the rest.
    function invariant_balance_covers_stakes_and_pending_returns() public view {
        uint256 owed;
        for (uint256 i = 0; i < handler.actor_count(); i++) owed += staking.pending_returns(address(handler.actors(i)));
        require(staking.total_pending_returns() == owed, "total_pending_returns is not the sum of the returns owed");
        uint256 held = staking.TotalStakingAmount() + owed;
        require(address(staking).balance >= held, "the balance does not cover the stakes and the returns owed");
        require(staking.StakingRewardPool() == address(staking).balance - held, "the pool is not the rest");
    }

    /// @notice After its term and hold, a stake is withdrawn (its owner accepting CLO); idle for max_delay after its
    /// term and not held, it is reported, even when its owner refuses CLO (then it is owed to it). Forge discards
    /// what an invariant call changes, so these exits are tried on a copy of the state.
    function invariant_every_stake_can_leave() public {
        uint256 clock = _clock();
        for (uint256 i = 0; i < handler.actor_count(); i++) {
            Actor a = handler.actors(i);
            (uint256 amount, , , uint256 end_time) = staking.staker(address(a));
            if (amount == 0 || block.timestamp < staking.held_until(address(a))) continue;
            if (clock > end_time + MAX_DELAY) {
                uint256 owed = staking.pending_returns(address(a));
                uint256 balance = address(a).balance;
                (bool reported, ) = sentinel.call(abi.encodeCall(ColdStaking.report_abuse, (payable(address(a)))), 0);
                require(reported, "an idle stake could not be reported");
                require(
                    address(a).balance + staking.pending_returns(address(a)) == balance + owed + amount,
                    "a reported stake was neither returned nor owed"
                );
            } else if (clock >= end_time && !a.refuse()) {
                uint256 balance = address(a).balance;
                (bool withdrawn, ) = a.call(abi.encodeCall(ColdStaking.withdraw_stake, ()), 0);
                require(withdrawn, "a stake past its term and hold could not be withdrawn");
                require(address(a).balance >= balance + amount, "a withdrawal did not return the stake");
            }
        }
    }

    /// @notice No hold reaches past the end of the epoch in which governance placed it.
    function invariant_no_hold_outlasts_its_epoch() public view {
        require(!handler.ghost_hold_beyond_epoch(), "a hold beyond the current epoch was accepted");
        for (uint256 i = 0; i < handler.actor_count(); i++) {
            address a = address(handler.actors(i));
            uint256 until = staking.held_until(a);
            if (until == 0) continue;
            require(until <= GENESIS + (handler.ghost_hold_epoch(a) + 1) * EPOCH, "a hold outlasts its epoch");
        }
    }

    /// @notice total_staked_at_end_of(e) is the total as it stood at the end of every ended epoch e (the last 200).
    function invariant_total_at_the_end_of_each_epoch() public view {
        uint256 ended = handler.ghost_epochs_ended();
        for (uint256 e = ended > 200 ? ended - 200 : 0; e < ended; e++) {
            require(staking.total_staked_at_end_of(e) == handler.ghost_total_at_end(e), "total at the end of an epoch");
        }
    }

    /// @dev The contract clock a call in this block would see (ColdStaking._clock).
    function _clock() internal view returns (uint256 now_) {
        now_ = staking.Timestamp();
        uint256 blocks = block.number - staking.LastBlock();
        if (blocks > 0 && block.timestamp > now_) {
            uint256 elapsed = block.timestamp - now_;
            uint256 cap = staking.max_seconds_per_block();
            if (elapsed / blocks >= cap) elapsed = blocks * cap;
            now_ += elapsed;
        }
    }
}
