// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ColdStakingV1} from "../ColdStakingV1.sol";

/// @title A test stand-in for the legacy cold staking contract (V1) live on Callisto mainnet
/// @notice Tests only (the mainnet-like e2e stack places it at V1's mainnet address, the contract tests check the
/// app's reward model against it). No V1 source is in this repository: this is written from the documented
/// behaviour of V1 (contracts/reference/callisto-mainnet/), with its published ABI (`ColdStakingV1`).
///
/// The behaviour a V1 staker meets, which the app must get right:
/// - one stake an address, with a fixed one-round lock: `withdraw_stake` needs one complete round after `time`;
/// - `claim` pays every completed round and moves `time` forward by them, to the latest round boundary, so the
///   next withdrawal needs one more complete round from there: a claim restarts the lock;
/// - `withdraw_stake` pays the reward due and returns the stake in one call;
/// - the pool and the total weight are STORED, refreshed by `new_block()` at most once a block at the start of a
///   state-changing call (or by anyone calling it), as on mainnet: between calls they are stale, and only
///   `stake_reward` computes them live (balance - stakes; weight grown by the elapsed time, capped at 25 s a
///   block, times the stakes). Block rewards reach it as plain balance credits.
contract ColdStakingV1Legacy is ColdStakingV1 {
    struct Stake {
        uint256 amount;
        uint256 time;
    }

    /// @dev The most the contract clock moves a block, as on mainnet.
    uint256 private constant MAX_SECONDS_PER_BLOCK = 25;

    uint256 public override TotalStakingWeight;
    uint256 public override TotalStakingAmount;
    uint256 public override StakingRewardPool;
    uint256 public override Timestamp;
    uint256 public override LastBlock;
    bool public override CS_frozen;
    address public override Treasury;
    uint256 public constant override staking_threshold = 0;
    uint256 public immutable override round_interval;
    uint256 public immutable override max_delay;
    uint256 public immutable override DateStartStaking;

    mapping(address => Stake) public override staker;

    constructor(uint256 _round_interval, uint256 _max_delay, address _treasury) {
        require(_round_interval > 0, "ColdStakingV1: round interval is zero");
        round_interval = _round_interval;
        max_delay = _max_delay;
        Treasury = _treasury;
        DateStartStaking = block.timestamp;
        Timestamp = block.timestamp;
        LastBlock = block.number;
    }

    receive() external payable {
        _stake();
    }

    fallback() external payable {
        _stake();
    }

    /// @notice Stakes msg.value; adding first pays the completed rounds, then restarts the round.
    function start_staking() external payable override {
        _stake();
    }

    /// @notice A donation to the reward pool.
    function DEBUG_donation() external payable override {
        emit DonationDeposited(msg.sender, msg.value);
    }

    /// @notice Refreshes the stored clock, weight and pool, once a block.
    function new_block() external override {
        _new_block(0);
    }

    /// @notice Pays the reward of every completed round and moves the stake's start to the latest round boundary.
    /// Pays nothing while frozen.
    function claim() external override {
        require(staker[msg.sender].amount > 0, "ColdStakingV1: no stake");
        if (CS_frozen) return;
        _new_block(0);
        uint256 reward = _settle(msg.sender);
        if (reward > 0) _send(msg.sender, reward);
    }

    /// @notice After one complete round since the stake's start: pays the reward due and returns the stake.
    function withdraw_stake() external override {
        Stake storage s = staker[msg.sender];
        uint256 amount = s.amount;
        require(amount > 0, "ColdStakingV1: no stake");
        _new_block(0);
        require(Timestamp >= s.time + round_interval, "ColdStakingV1: stake is locked for one round");
        uint256 reward = CS_frozen ? 0 : _settle(msg.sender);
        TotalStakingWeight -= (Timestamp - s.time) * amount;
        TotalStakingAmount -= amount;
        delete staker[msg.sender];
        emit WithdrawStake(msg.sender, amount);
        _send(msg.sender, amount + reward);
    }

    /// @notice Returns, without reward, a stake idle for more than `max_delay` since its start.
    function report_abuse(address _addr) external override {
        require(staker[msg.sender].amount > 0, "ColdStakingV1: only a staker may report abuse");
        Stake storage s = staker[_addr];
        uint256 amount = s.amount;
        require(amount > 0, "ColdStakingV1: address has no stake");
        _new_block(0);
        require(Timestamp > s.time + max_delay, "ColdStakingV1: stake is not idle for long enough");
        TotalStakingWeight -= (Timestamp - s.time) * amount;
        TotalStakingAmount -= amount;
        delete staker[_addr];
        _send(_addr, amount);
    }

    /// @notice The reward `claim` would pay now, from the live pool and weight. Reverts while frozen.
    function stake_reward(address _addr) external view override returns (uint256) {
        require(!CS_frozen, "ColdStakingV1: frozen");
        Stake storage s = staker[_addr];
        if (s.amount == 0) return 0;
        (uint256 now_, uint256 weight) = _clock();
        uint256 completed = _completed(s.time, now_);
        if (completed == 0) return 0;
        return ((address(this).balance - TotalStakingAmount) * (completed * s.amount)) / weight;
    }

    /// @notice The treasury freezes or unfreezes rewards.
    function freeze(bool _f) external override {
        require(msg.sender == Treasury, "ColdStakingV1: only the treasury");
        CS_frozen = _f;
    }

    /// @notice While frozen, the treasury takes the reward pool.
    function withdraw_rewards() external override {
        require(msg.sender == Treasury, "ColdStakingV1: only the treasury");
        require(CS_frozen, "ColdStakingV1: not frozen");
        _new_block(0);
        uint256 pool = StakingRewardPool;
        StakingRewardPool = 0;
        _send(msg.sender, pool);
    }

    /// @notice The treasury gives up its role for good.
    function clear_treasurer() external override {
        require(msg.sender == Treasury, "ColdStakingV1: only the treasury");
        Treasury = address(0);
    }

    function _stake() private {
        _new_block(msg.value);
        Stake storage s = staker[msg.sender];
        uint256 reward;
        if (s.amount > 0) {
            if (!CS_frozen) reward = _settle(msg.sender);
            TotalStakingWeight -= (Timestamp - s.time) * s.amount;
        }
        TotalStakingAmount += msg.value;
        s.amount += msg.value;
        s.time = Timestamp;
        emit StartStaking(msg.sender, msg.value, s.amount, s.time);
        if (reward > 0) _send(msg.sender, reward);
    }

    /// @dev Pays from the stored pool (refreshed by new_block in this call) and moves `time` to the round boundary.
    function _settle(address who) private returns (uint256 reward) {
        Stake storage s = staker[who];
        uint256 completed = _completed(s.time, Timestamp);
        if (completed == 0) return 0;
        uint256 weight = completed * s.amount;
        reward = (StakingRewardPool * weight) / TotalStakingWeight;
        StakingRewardPool -= reward;
        TotalStakingWeight -= weight;
        s.time += completed;
        emit Claim(who, reward);
    }

    /// @dev The stored clock, weight and pool catch up, once a block; `incoming` is the value of this call, not
    /// part of the pool.
    function _new_block(uint256 incoming) private {
        if (block.number <= LastBlock) return;
        (Timestamp, TotalStakingWeight) = _clock();
        LastBlock = block.number;
        StakingRewardPool = address(this).balance - TotalStakingAmount - incoming;
    }

    function _clock() private view returns (uint256 now_, uint256 weight) {
        now_ = Timestamp;
        weight = TotalStakingWeight;
        if (block.number > LastBlock && block.timestamp > now_) {
            uint256 elapsed = block.timestamp - now_;
            uint256 cap = (block.number - LastBlock) * MAX_SECONDS_PER_BLOCK;
            if (elapsed > cap) elapsed = cap;
            now_ += elapsed;
            weight += elapsed * TotalStakingAmount;
        }
    }

    function _completed(uint256 time, uint256 now_) private view returns (uint256) {
        if (now_ <= time) return 0;
        return ((now_ - time) / round_interval) * round_interval;
    }

    function _send(address to, uint256 value) private {
        (bool ok, ) = payable(to).call{value: value}("");
        require(ok, "ColdStakingV1: transfer failed");
    }
}
