package com.kitchencpq.it.pipeline;

/** The sample service of the pipeline cases: enough to make a runnable jar and image. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.out.println("pipeline sample service");
  }
}
